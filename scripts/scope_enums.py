"""Rewrite unscoped Qt/QGIS enum members to their scoped names (present in QGIS 3.40 and in the Qt6 builds).

    python3 scripts/scope_enums.py [--check] [files...]      # default: every shipped .py file

Only the names in MAPPING are rewritten (each verified to exist in QGIS 3.40 by tests/test_qt6_scan.py);
tests/test_qt6_scan.py lists anything left.
"""
from __future__ import annotations

import os
import re
import sys

MAPPING = {
    "QFont.PreferNoShaping": "QFont.StyleStrategy.PreferNoShaping",
    "QHeaderView.ResizeToContents": "QHeaderView.ResizeMode.ResizeToContents",
    "QHeaderView.Stretch": "QHeaderView.ResizeMode.Stretch",
    "QMetaType.Bool": "QMetaType.Type.Bool",
    "QMetaType.Double": "QMetaType.Type.Double",
    "QMetaType.LongLong": "QMetaType.Type.LongLong",
    "QMetaType.Int": "QMetaType.Type.Int",
    "QMetaType.QDate": "QMetaType.Type.QDate",
    "QMetaType.QDateTime": "QMetaType.Type.QDateTime",
    "QMetaType.QString": "QMetaType.Type.QString",
    "QScrollArea.NoFrame": "QFrame.Shape.NoFrame",
    "QSettings.IniFormat": "QSettings.Format.IniFormat",
    "QgsFeatureRequest.NoGeometry": "QgsFeatureRequest.Flag.NoGeometry",
    "QgsFeatureSink.FastInsert": "QgsFeatureSink.Flag.FastInsert",
    "QgsFileWidget.GetMultipleFiles": "QgsFileWidget.StorageMode.GetMultipleFiles",
    "QgsFileWidget.SaveFile": "QgsFileWidget.StorageMode.SaveFile",
    "QgsFileWidget.GetDirectory": "QgsFileWidget.StorageMode.GetDirectory",
    "QgsLayoutExporter.Success": "QgsLayoutExporter.ExportResult.Success",
    "QgsLayoutItemManualTable.UseExistingFrames": "QgsLayoutMultiFrame.ResizeMode.UseExistingFrames",
    "QgsLayoutItemMap.Auto": "QgsLayoutItemMap.AtlasScalingMode.Auto",
    "QgsLayoutItemPage.Landscape": "QgsLayoutItemPage.Orientation.Landscape",
    "QgsLegendStyle.Group": "QgsLegendStyle.Style.Group",
    "QgsLegendStyle.Subgroup": "QgsLegendStyle.Style.Subgroup",
    "QgsLegendStyle.SymbolLabel": "QgsLegendStyle.Style.SymbolLabel",
    "QgsLegendStyle.Title": "QgsLegendStyle.Style.Title",
    "QgsProcessing.TypeFile": "Qgis.ProcessingSourceType.File",
    "QgsProcessing.TypeVectorAnyGeometry": "Qgis.ProcessingSourceType.VectorAnyGeometry",
    "QgsProcessing.TypeVectorLine": "Qgis.ProcessingSourceType.VectorLine",
    "QgsProcessing.TypeVectorPoint": "Qgis.ProcessingSourceType.VectorPoint",
    "QgsProcessing.TypeVectorPolygon": "Qgis.ProcessingSourceType.VectorPolygon",
    "QgsProcessing.TypeVector": "Qgis.ProcessingSourceType.Vector",
    "QgsProcessing.TypeRaster": "Qgis.ProcessingSourceType.Raster",
    "QgsProcessingAlgorithm.FlagNoThreading": "Qgis.ProcessingAlgorithmFlag.NoThreading",
    "QgsProcessingParameterFile.Folder": "Qgis.ProcessingFileParameterBehavior.Folder",
    "QgsProcessingParameterFile.File": "Qgis.ProcessingFileParameterBehavior.File",
    "QgsProcessingParameterField.Numeric": "Qgis.ProcessingFieldParameterDataType.Numeric",
    "QgsProcessingParameterField.String": "Qgis.ProcessingFieldParameterDataType.String",
    "QgsProcessingParameterField.Any": "Qgis.ProcessingFieldParameterDataType.Any",
    "QgsProcessingParameterNumber.Double": "Qgis.ProcessingNumberParameterType.Double",
    "QgsProcessingParameterNumber.Integer": "Qgis.ProcessingNumberParameterType.Integer",
    "QgsProcessingParameterDefinition.FlagAdvanced": "Qgis.ProcessingParameterFlag.Advanced",
    "QgsProcessingParameterDefinition.FlagOptional": "Qgis.ProcessingParameterFlag.Optional",
    "QgsPalLayerSettings.Show": "QgsPalLayerSettings.Property.Show",
    "QgsPalLayerSettings.Priority": "QgsPalLayerSettings.Property.Priority",
    "QgsLayoutItemAttributeTable.UseExistingFrames": "QgsLayoutMultiFrame.ResizeMode.UseExistingFrames",
    "QgsLayoutObject.ExcludeFromExports": "QgsLayoutObject.DataDefinedProperty.ExcludeFromExports",
    "QgsScaleBarSettings.SegmentSizeFitWidth": "Qgis.ScaleBarSegmentSizeMode.FitWidth",
    "QgsSymbolLayer.PropertyStrokeColor": "QgsSymbolLayer.Property.StrokeColor",
    "QgsSymbolLayer.PropertyStrokeWidth": "QgsSymbolLayer.Property.StrokeWidth",
    "QgsTask.CanCancel": "QgsTask.Flag.CanCancel",
    "QgsTask.Terminated": "QgsTask.TaskStatus.Terminated",
    "QgsTask.Complete": "QgsTask.TaskStatus.Complete",
    "QgsUnitTypes.DistanceMeters": "Qgis.DistanceUnit.Meters",
    "QgsUnitTypes.LayoutMillimeters": "Qgis.LayoutUnit.Millimeters",
    "QgsVectorLayerDirector.DirectionBoth": "QgsVectorLayerDirector.Direction.DirectionBoth",
    "QgsWkbTypes.LineGeometry": "Qgis.GeometryType.Line",
    "QgsWkbTypes.PointGeometry": "Qgis.GeometryType.Point",
    "QgsWkbTypes.PolygonGeometry": "Qgis.GeometryType.Polygon",
    "QgsWkbTypes.LineString": "Qgis.WkbType.LineString",
    "QgsWkbTypes.MultiLineString": "Qgis.WkbType.MultiLineString",
    "QgsWkbTypes.MultiPoint": "Qgis.WkbType.MultiPoint",
    "QgsWkbTypes.MultiPolygon": "Qgis.WkbType.MultiPolygon",
    "QgsWkbTypes.NoGeometry": "Qgis.WkbType.NoGeometry",
    "QgsWkbTypes.Point": "Qgis.WkbType.Point",
    "QgsWkbTypes.Polygon": "Qgis.WkbType.Polygon",
    "QgsWkbTypes.Unknown": "Qgis.WkbType.Unknown",
    "Qt.AlignLeft": "Qt.AlignmentFlag.AlignLeft",
    "Qt.AlignRight": "Qt.AlignmentFlag.AlignRight",
    "Qt.AlignTop": "Qt.AlignmentFlag.AlignTop",
    "Qt.AlignVCenter": "Qt.AlignmentFlag.AlignVCenter",
    "Qt.AlignHCenter": "Qt.AlignmentFlag.AlignHCenter",
    "Qt.AlignCenter": "Qt.AlignmentFlag.AlignCenter",
    "Qt.Horizontal": "Qt.Orientation.Horizontal",
    "Qt.Vertical": "Qt.Orientation.Vertical",
    "Qt.RightDockWidgetArea": "Qt.DockWidgetArea.RightDockWidgetArea",
}
_PATTERN = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(MAPPING, key=len, reverse=True)) + r")\b(?![.(\w])")


NEEDS = {"Qgis.": ("qgis.core", "Qgis"), "QFrame.": ("qgis.PyQt.QtWidgets", "QFrame"),
         "QgsLayoutMultiFrame.": ("qgis.core", "QgsLayoutMultiFrame")}


def _imported(text: str) -> set:
    import ast
    names = set()
    for node in ast.parse(text).body:              # module level only: a function's own import does not count
        if isinstance(node, ast.ImportFrom):
            names.update(a.asname or a.name for a in node.names)
    return names


def rewrite(text: str) -> str:
    new = _PATTERN.sub(lambda m: MAPPING[m.group(1)], text)
    have = _imported(new)
    lines = new.split("\n")
    for prefix, (module, name) in NEEDS.items():
        if prefix in new and name not in have:
            at = next((i for i, line in enumerate(lines) if line.startswith(f"from {module} import")),
                      next((i for i, line in enumerate(lines) if line.startswith(("from ", "import "))
                            and "__future__" not in line), 0))
            lines.insert(at, f"from {module} import {name}")
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    files = [a for a in argv if not a.startswith("--")]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not files:
        sys.path.insert(0, os.path.join(root, "tests"))
        from test_qt6_scan import shipped_python_files
        files = [os.path.join(root, f) for f in shipped_python_files()]
    changed = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        new = rewrite(text)
        if new != text:
            changed.append(path)
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
    print("\n".join(changed))
    return 1 if (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
