"""A Processing widget for static-string enums that shows translated labels but stores the stable id.

QGIS's own enum widget shows a static-string option as the id itself ("flood"). Sonae's enums keep stable ids
as values (models, batch files and qgis_process store names, e.g. ``HAZARD_TYPE=flood``) and show
"Flood / 洪水" (Japanese in a Japanese QGIS) through this wrapper, named in the parameter's metadata by
base.labelled_enum. Imported only by the Processing dialogs (algorithm, batch, modeler), never at plugin load.
"""
from __future__ import annotations

from processing.gui.wrappers import WidgetWrapper
from qgis.core import QgsProcessingParameterDefinition
from qgis.PyQt.QtWidgets import QComboBox

from .base import localized, tr


class LabelledEnumWrapper(WidgetWrapper):
    def createWidget(self, labels=None, **kwargs):  # noqa: N802
        combo = QComboBox()
        param = self.parameterDefinition()
        if param.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
            combo.addItem(tr("[Not selected] / [未選択]"), None)
        for value in param.options():
            combo.addItem(localized((labels or {}).get(value, value)), value)
        combo.setToolTip(param.toolTip())
        combo.currentIndexChanged.connect(lambda _i: self.widgetValueHasChanged.emit(self))
        return combo

    def setValue(self, value):  # noqa: N802
        options = self.parameterDefinition().options()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= int(value) < len(options):
            value = options[int(value)]          # an index from an old model or batch file
        i = self.widget.findData(value)
        if i >= 0:
            self.widget.setCurrentIndex(i)

    def value(self):
        return self.widget.currentData()
