"""Demo steps, run in file-name order by demo.run_demo. Each module defines ``TITLE`` and ``run(demo)``."""
