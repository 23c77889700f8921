"""Sonae (備え): plan disaster prevention and local energy together in QGIS. The repository root is the plugin.

Loading is light: only qgis and the standard library are imported here and by the provider; pandas, geopandas
and the other scientific libraries are imported when an algorithm runs (plugin/dependencies.py).
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin.environment import use_dependency_folders
    use_dependency_folders()      # the checkout's .venv (developers) and the installer's folder, on sys.path
    from .plugin.sonae_plugin import SonaePlugin
    return SonaePlugin(iface)
