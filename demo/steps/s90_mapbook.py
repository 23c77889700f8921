"""The council map book: an A3 atlas PDF over the districts (or a grid) with the key figures per page."""
TITLE = "Council map book / 議会向け図面集 (sonae:councilmapbook)"

FLOOD = "takamatsu_flood_max_depthrank_A31b23.tif"


def run(demo):
    import os

    pdf = os.path.join(demo.out_dir, "council_mapbook.pdf")
    res = demo.run("sonae:councilmapbook", {
        "GPKG": demo.gpkg, "FLOOD": demo.path(FLOOD), "SCENARIO": True, "ADD_TO_PROJECT": True, "OUTPUT": pdf,
    })
    demo.results["council_mapbook"] = pdf
    missing = res.get("MISSING") or ""
    demo.say(f"map book: {res['PAGE_COUNT']} A3 pages -> {os.path.basename(pdf)}: overview, {res['INDEX_PAGES']} "
             f"index page(s) listing every district, {res['DISTRICT_PAGES']} district pages (most feasible first), "
             f"{res['LEFT_OUT']} districts listed but not printed"
             + (f"; tables not found, shown as '—': {missing}" if missing else ""))
