"""E-Commerce Decision Lab modelling package. Never imports streamlit.

Subpackages (import them directly; nothing heavy is imported here):
- ``ingest``: read, detect and validate shop exports (``ingest.pipeline.import_file``);
- ``store``: the SQLite store (migrations, imports, read queries);
- ``sales``: KPIs and breakdowns of order lines;
- ``pricing``: elasticity, price what-if and best price;
- ``demo``: the bundled demo data.
"""
__all__ = ["demo", "ingest", "pricing", "sales", "store"]
