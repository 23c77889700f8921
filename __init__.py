"""Sonae (備え): plan disaster prevention and local energy together in QGIS. The repository root is the plugin."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin.environment import use_project_venv
    use_project_venv()            # the checkout's .venv (make setup) before any scientific import
    from .plugin.sonae_plugin import SonaePlugin
    return SonaePlugin(iface)
