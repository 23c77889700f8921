"""Sonae (備え): plan disaster prevention and local energy together in QGIS. The repository root is the plugin."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin.sonae_plugin import SonaePlugin
    return SonaePlugin(iface)
