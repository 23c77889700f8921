"""Import Takamatsu's own shelter table and tsunami evacuation buildings into the facilities layer."""
TITLE = "Import shelters / 避難所の読み込み (sonae:importshelters)"


def run(demo):
    result = demo.run("sonae:importshelters", {
        "INPUTS": [demo.path("evacuation_space.csv"), demo.path("tsunami_evacuation_building.csv")],
        "OUTPUT": demo.output("facilities"),
    })
    demo.style("facilities", "facilities")
    demo.results["facilities"] = demo.layer_uri("facilities")
    demo.say(f"facilities: {result['FEATURE_COUNT']} written, {result['SKIPPED_COUNT']} rows skipped, "
             f"{result['MERGED_COUNT']} places merged")
