"""Menu and toolbar: one action per Sonae algorithm, grouped as in the Processing toolbox."""
from __future__ import annotations

from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from ..processing_algorithms.base import GROUPS, tr
from ..processing_algorithms.provider import algorithm_classes

MENU_TITLE = "&Sonae (備え)"


def _open_dialog(alg_id):
    import processing
    processing.execAlgorithmDialog(f"sonae:{alg_id}")


def build_gui(plugin):
    iface = plugin.iface
    plugin.menu = QMenu(tr(MENU_TITLE), iface.mainWindow())
    plugin.menu.setObjectName("sonaeMenu")
    plugin.toolbar = iface.addToolBar(tr("Sonae"))
    plugin.toolbar.setObjectName("sonaeToolbar")
    submenus = {}
    for cls in algorithm_classes():
        group = cls.GROUP
        icon = QIcon(cls().svgIconPath())
        if group not in submenus:
            submenus[group] = plugin.menu.addMenu(icon, tr(GROUPS[group]))
        action = QAction(icon, tr(cls.DISPLAY_NAME), iface.mainWindow())
        action.setObjectName(f"sonae_{cls.ALG_ID}")
        action.triggered.connect(lambda _checked=False, a=cls.ALG_ID: _open_dialog(a))
        submenus[group].addAction(action)
        plugin.actions.append(action)
    try:
        from .dock import add_dock
        add_dock(plugin)
    except ImportError:
        pass
    from .dependency_installer import add_menu_action
    add_menu_action(plugin)
    iface.mainWindow().menuBar().insertMenu(iface.firstRightStandardMenu().menuAction(), plugin.menu)


def remove_gui(plugin):
    if plugin.dock is not None:
        if hasattr(plugin.dock, "cleanup"):
            plugin.dock.cleanup()  # disconnect from the project's signals, cancel a running workflow
        plugin.iface.removeDockWidget(plugin.dock)
        plugin.dock.deleteLater()
        plugin.dock = None
    for action in plugin.actions:
        action.deleteLater()
    plugin.actions = []
    if plugin.menu is not None:
        plugin.menu.deleteLater()
        plugin.menu = None
    if plugin.toolbar is not None:
        plugin.toolbar.deleteLater()
        plugin.toolbar = None
