<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.40.6-Bratislava" hasScaleBasedVisibilityFlag="0" minScale="100000000" simplifyDrawingTol="1" simplifyLocal="1" symbologyReferenceScale="-1" autoRefreshMode="Disabled" labelsEnabled="0" simplifyDrawingHints="1" maxScale="0" simplifyMaxScale="1" styleCategories="AllStyleCategories" autoRefreshTime="0" simplifyAlgorithm="0" readOnly="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal limitMode="0" endExpression="" startExpression="" durationUnit="min" accumulate="0" enabled="0" startField="" durationField="" mode="0" endField="" fixedDuration="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <elevation clamping="Terrain" type="IndividualFeatures" respectLayerSymbol="1" extrusionEnabled="0" zscale="1" symbology="Line" extrusion="0" binding="Centroid" showMarkerSymbolInSurfacePlots="0" zoffset="0">
    <data-defined-properties>
      <Option type="Map">
        <Option type="QString" value="" name="name"/>
        <Option name="properties"/>
        <Option type="QString" value="collection" name="type"/>
      </Option>
    </data-defined-properties>
    <profileLineSymbol>
      <symbol type="line" clip_to_extent="1" force_rhr="0" is_animated="0" alpha="1" frame_rate="10" name="">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" locked="0" enabled="1" pass="0" id="{4c591e14-c944-4646-93ba-0df447d5ccab}">
          <Option type="Map">
            <Option type="QString" value="0" name="align_dash_pattern"/>
            <Option type="QString" value="square" name="capstyle"/>
            <Option type="QString" value="5;2" name="customdash"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="customdash_map_unit_scale"/>
            <Option type="QString" value="MM" name="customdash_unit"/>
            <Option type="QString" value="0" name="dash_pattern_offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="dash_pattern_offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="dash_pattern_offset_unit"/>
            <Option type="QString" value="0" name="draw_inside_polygon"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="164,113,88,255,rgb:0.64313725490196083,0.44313725490196076,0.34509803921568627,1" name="line_color"/>
            <Option type="QString" value="solid" name="line_style"/>
            <Option type="QString" value="0.6" name="line_width"/>
            <Option type="QString" value="MM" name="line_width_unit"/>
            <Option type="QString" value="0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="0" name="ring_filter"/>
            <Option type="QString" value="0" name="trim_distance_end"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="trim_distance_end_map_unit_scale"/>
            <Option type="QString" value="MM" name="trim_distance_end_unit"/>
            <Option type="QString" value="0" name="trim_distance_start"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="trim_distance_start_map_unit_scale"/>
            <Option type="QString" value="MM" name="trim_distance_start_unit"/>
            <Option type="QString" value="0" name="tweak_dash_pattern_on_corners"/>
            <Option type="QString" value="0" name="use_custom_dash"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="width_map_unit_scale"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" value="" name="name"/>
              <Option name="properties"/>
              <Option type="QString" value="collection" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </profileLineSymbol>
    <profileFillSymbol>
      <symbol type="fill" clip_to_extent="1" force_rhr="0" is_animated="0" alpha="1" frame_rate="10" name="">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" locked="0" enabled="1" pass="0" id="{f4a153de-51fb-4077-9946-d30f7113b9f8}">
          <Option type="Map">
            <Option type="QString" value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale"/>
            <Option type="QString" value="164,113,88,255,rgb:0.64313725490196083,0.44313725490196076,0.34509803921568627,1" name="color"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="117,81,63,255,rgb:0.45937285420004575,0.31653315022507056,0.24649423971923401,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0.2" name="outline_width"/>
            <Option type="QString" value="MM" name="outline_width_unit"/>
            <Option type="QString" value="solid" name="style"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" value="" name="name"/>
              <Option name="properties"/>
              <Option type="QString" value="collection" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </profileFillSymbol>
    <profileMarkerSymbol>
      <symbol type="marker" clip_to_extent="1" force_rhr="0" is_animated="0" alpha="1" frame_rate="10" name="">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" locked="0" enabled="1" pass="0" id="{09aaef3e-158c-4cd7-9e76-2cafa4a979d2}">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="164,113,88,255,rgb:0.64313725490196083,0.44313725490196076,0.34509803921568627,1" name="color"/>
            <Option type="QString" value="1" name="horizontal_anchor_point"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="diamond" name="name"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="117,81,63,255,rgb:0.45937285420004575,0.31653315022507056,0.24649423971923401,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0.2" name="outline_width"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale"/>
            <Option type="QString" value="MM" name="outline_width_unit"/>
            <Option type="QString" value="diameter" name="scale_method"/>
            <Option type="QString" value="3" name="size"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="size_map_unit_scale"/>
            <Option type="QString" value="MM" name="size_unit"/>
            <Option type="QString" value="1" name="vertical_anchor_point"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" value="" name="name"/>
              <Option name="properties"/>
              <Option type="QString" value="collection" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </profileMarkerSymbol>
  </elevation>
  <renderer-v2 graduatedMethod="GraduatedColor" type="graduatedSymbol" forceraster="0" enableorderby="0" referencescale="-1" symbollevels="0" attr="occupancy">
    <ranges>
      <range symbol="0" render="true" label="0（閉鎖・避難者なし）" upper="0.000000000000000" uuid="{0bb39257-43f6-48b3-8741-45ca51bf3745}" lower="-0.000000001000000"/>
      <range symbol="1" render="true" label="50%未満" upper="0.500000000000000" uuid="{294caf50-a841-46e4-ba69-c5e8145dfc4f}" lower="0.000000000000000"/>
      <range symbol="2" render="true" label="50〜80%" upper="0.800000000000000" uuid="{ff880a10-a8ff-4d47-81e5-ebde1732b582}" lower="0.500000000000000"/>
      <range symbol="3" render="true" label="80〜100%" upper="1.000000000000000" uuid="{23e15996-0a47-43e8-a8db-002f4431a655}" lower="0.800000000000000"/>
      <range symbol="4" render="true" label="定員超過" upper="1000000000.000000000000000" uuid="{f150d21e-84c2-47c6-ae4d-a38067a5e8db}" lower="1.000000000000000"/>
    </ranges>
    <symbols>
      <symbol type="marker" clip_to_extent="1" force_rhr="0" is_animated="0" alpha="1" frame_rate="10" name="0">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" locked="0" enabled="1" pass="0" id="{481abfee-8fdc-468b-86da-37c196a50537}">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="189,189,189,255,rgb:0.74117647058823533,0.74117647058823533,0.74117647058823533,1" name="color"/>
            <Option type="QString" value="1" name="horizontal_anchor_point"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="circle" name="name"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0.2" name="outline_width"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale"/>
            <Option type="QString" value="MM" name="outline_width_unit"/>
            <Option type="QString" value="diameter" name="scale_method"/>
            <Option type="QString" value="3.6" name="size"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="size_map_unit_scale"/>
            <Option type="QString" value="MM" name="size_unit"/>
            <Option type="QString" value="1" name="vertical_anchor_point"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" value="" name="name"/>
              <Option name="properties"/>
              <Option type="QString" value="collection" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" clip_to_extent="1" force_rhr="0" is_animated="0" alpha="1" frame_rate="10" name="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" locked="0" enabled="1" pass="0" id="{f37e5e9c-3ca6-41f8-abcb-9d1afe6a8456}">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="26,150,65,255,rgb:0.10196078431372549,0.58823529411764708,0.25490196078431371,1" name="color"/>
            <Option type="QString" value="1" name="horizontal_anchor_point"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="circle" name="name"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0.2" name="outline_width"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale"/>
            <Option type="QString" value="MM" name="outline_width_unit"/>
            <Option type="QString" value="diameter" name="scale_method"/>
            <Option type="QString" value="3.6" name="size"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="size_map_unit_scale"/>
            <Option type="QString" value="MM" name="size_unit"/>
            <Option type="QString" value="1" name="vertical_anchor_point"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" value="" name="name"/>
              <Option name="properties"/>
              <Option type="QString" value="collection" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" clip_to_extent="1" force_rhr="0" is_animated="0" alpha="1" frame_rate="10" name="2">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" locked="0" enabled="1" pass="0" id="{f09d5caf-9fd9-4240-b426-5b1eb984cabb}">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="166,217,106,255,rgb:0.65098039215686276,0.85098039215686272,0.41568627450980394,1" name="color"/>
            <Option type="QString" value="1" name="horizontal_anchor_point"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="circle" name="name"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0.2" name="outline_width"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale"/>
            <Option type="QString" value="MM" name="outline_width_unit"/>
            <Option type="QString" value="diameter" name="scale_method"/>
            <Option type="QString" value="3.6" name="size"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="size_map_unit_scale"/>
            <Option type="QString" value="MM" name="size_unit"/>
            <Option type="QString" value="1" name="vertical_anchor_point"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" value="" name="name"/>
              <Option name="properties"/>
              <Option type="QString" value="collection" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" clip_to_extent="1" force_rhr="0" is_animated="0" alpha="1" frame_rate="10" name="3">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" locked="0" enabled="1" pass="0" id="{ce030e3d-7a97-4330-95a4-f5f85a27a845}">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="253,174,97,255,rgb:0.99215686274509807,0.68235294117647061,0.38039215686274508,1" name="color"/>
            <Option type="QString" value="1" name="horizontal_anchor_point"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="circle" name="name"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0.2" name="outline_width"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale"/>
            <Option type="QString" value="MM" name="outline_width_unit"/>
            <Option type="QString" value="diameter" name="scale_method"/>
            <Option type="QString" value="3.6" name="size"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="size_map_unit_scale"/>
            <Option type="QString" value="MM" name="size_unit"/>
            <Option type="QString" value="1" name="vertical_anchor_point"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" value="" name="name"/>
              <Option name="properties"/>
              <Option type="QString" value="collection" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" clip_to_extent="1" force_rhr="0" is_animated="0" alpha="1" frame_rate="10" name="4">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" locked="0" enabled="1" pass="0" id="{6e831c31-d6dc-44c7-8620-8ab7c81a0a7f}">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="215,25,28,255,rgb:0.84313725490196079,0.09803921568627451,0.10980392156862745,1" name="color"/>
            <Option type="QString" value="1" name="horizontal_anchor_point"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="circle" name="name"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0.2" name="outline_width"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale"/>
            <Option type="QString" value="MM" name="outline_width_unit"/>
            <Option type="QString" value="diameter" name="scale_method"/>
            <Option type="QString" value="3.6" name="size"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="size_map_unit_scale"/>
            <Option type="QString" value="MM" name="size_unit"/>
            <Option type="QString" value="1" name="vertical_anchor_point"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" value="" name="name"/>
              <Option name="properties"/>
              <Option type="QString" value="collection" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <classificationMethod id="Custom">
      <symmetricMode enabled="0" astride="0" symmetrypoint="0"/>
      <labelFormat trimtrailingzeroes="1" format="%1 - %2" labelprecision="4"/>
      <parameters>
        <Option/>
      </parameters>
      <extraInformation/>
    </classificationMethod>
    <rotation/>
    <sizescale/>
    <data-defined-properties>
      <Option type="Map">
        <Option type="QString" value="" name="name"/>
        <Option name="properties"/>
        <Option type="QString" value="collection" name="type"/>
      </Option>
    </data-defined-properties>
  </renderer-v2>
  <selection mode="Default">
    <selectionColor invalid="1"/>
  </selection>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions removeDuplicateNodes="0" geometryPrecision="0">
    <activeChecks type="StringList">
      <Option type="QString" value=""/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <fieldConfiguration>
    <field configurationFlags="NoFlag" name="shelter_id">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="name">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="district">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="municipality">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="observed_at">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="status">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="evacuees">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="capacity_persons">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="capacity_text">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="occupancy">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="over_capacity">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="infants">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="elderly">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="dietary">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="medical">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="needs_suppressed">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="suppression_k">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="source">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias index="0" field="shelter_id" name="避難所ID"/>
    <alias index="1" field="name" name="避難所名"/>
    <alias index="2" field="district" name="地区"/>
    <alias index="3" field="municipality" name="市区町村"/>
    <alias index="4" field="observed_at" name="時点"/>
    <alias index="5" field="status" name="開設状況"/>
    <alias index="6" field="evacuees" name="避難者数"/>
    <alias index="7" field="capacity_persons" name="収容人数（屋内）"/>
    <alias index="8" field="capacity_text" name="想定収容人数（原文）"/>
    <alias index="9" field="occupancy" name="収容率"/>
    <alias index="10" field="over_capacity" name="定員超過"/>
    <alias index="11" field="infants" name="乳幼児（k未満は秘匿）"/>
    <alias index="12" field="elderly" name="高齢者（k未満は秘匿）"/>
    <alias index="13" field="dietary" name="食事配慮（k未満は秘匿）"/>
    <alias index="14" field="medical" name="要医療（k未満は秘匿）"/>
    <alias index="15" field="needs_suppressed" name="内訳を秘匿"/>
    <alias index="16" field="suppression_k" name="秘匿の閾値 k"/>
    <alias index="17" field="source" name="出典の行"/>
  </aliases>
  <splitPolicies>
    <policy policy="Duplicate" field="shelter_id"/>
    <policy policy="Duplicate" field="name"/>
    <policy policy="Duplicate" field="district"/>
    <policy policy="Duplicate" field="municipality"/>
    <policy policy="Duplicate" field="observed_at"/>
    <policy policy="Duplicate" field="status"/>
    <policy policy="Duplicate" field="evacuees"/>
    <policy policy="Duplicate" field="capacity_persons"/>
    <policy policy="Duplicate" field="capacity_text"/>
    <policy policy="Duplicate" field="occupancy"/>
    <policy policy="Duplicate" field="over_capacity"/>
    <policy policy="Duplicate" field="infants"/>
    <policy policy="Duplicate" field="elderly"/>
    <policy policy="Duplicate" field="dietary"/>
    <policy policy="Duplicate" field="medical"/>
    <policy policy="Duplicate" field="needs_suppressed"/>
    <policy policy="Duplicate" field="suppression_k"/>
    <policy policy="Duplicate" field="source"/>
  </splitPolicies>
  <duplicatePolicies>
    <policy policy="Duplicate" field="shelter_id"/>
    <policy policy="Duplicate" field="name"/>
    <policy policy="Duplicate" field="district"/>
    <policy policy="Duplicate" field="municipality"/>
    <policy policy="Duplicate" field="observed_at"/>
    <policy policy="Duplicate" field="status"/>
    <policy policy="Duplicate" field="evacuees"/>
    <policy policy="Duplicate" field="capacity_persons"/>
    <policy policy="Duplicate" field="capacity_text"/>
    <policy policy="Duplicate" field="occupancy"/>
    <policy policy="Duplicate" field="over_capacity"/>
    <policy policy="Duplicate" field="infants"/>
    <policy policy="Duplicate" field="elderly"/>
    <policy policy="Duplicate" field="dietary"/>
    <policy policy="Duplicate" field="medical"/>
    <policy policy="Duplicate" field="needs_suppressed"/>
    <policy policy="Duplicate" field="suppression_k"/>
    <policy policy="Duplicate" field="source"/>
  </duplicatePolicies>
  <defaults>
    <default expression="" field="shelter_id" applyOnUpdate="0"/>
    <default expression="" field="name" applyOnUpdate="0"/>
    <default expression="" field="district" applyOnUpdate="0"/>
    <default expression="" field="municipality" applyOnUpdate="0"/>
    <default expression="" field="observed_at" applyOnUpdate="0"/>
    <default expression="" field="status" applyOnUpdate="0"/>
    <default expression="" field="evacuees" applyOnUpdate="0"/>
    <default expression="" field="capacity_persons" applyOnUpdate="0"/>
    <default expression="" field="capacity_text" applyOnUpdate="0"/>
    <default expression="" field="occupancy" applyOnUpdate="0"/>
    <default expression="" field="over_capacity" applyOnUpdate="0"/>
    <default expression="" field="infants" applyOnUpdate="0"/>
    <default expression="" field="elderly" applyOnUpdate="0"/>
    <default expression="" field="dietary" applyOnUpdate="0"/>
    <default expression="" field="medical" applyOnUpdate="0"/>
    <default expression="" field="needs_suppressed" applyOnUpdate="0"/>
    <default expression="" field="suppression_k" applyOnUpdate="0"/>
    <default expression="" field="source" applyOnUpdate="0"/>
  </defaults>
  <constraints>
    <constraint constraints="0" field="shelter_id" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="name" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="district" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="municipality" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="observed_at" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="status" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="evacuees" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="capacity_persons" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="capacity_text" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="occupancy" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="over_capacity" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="infants" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="elderly" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="dietary" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="medical" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="needs_suppressed" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="suppression_k" notnull_strength="0" exp_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="source" notnull_strength="0" exp_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="shelter_id"/>
    <constraint exp="" desc="" field="name"/>
    <constraint exp="" desc="" field="district"/>
    <constraint exp="" desc="" field="municipality"/>
    <constraint exp="" desc="" field="observed_at"/>
    <constraint exp="" desc="" field="status"/>
    <constraint exp="" desc="" field="evacuees"/>
    <constraint exp="" desc="" field="capacity_persons"/>
    <constraint exp="" desc="" field="capacity_text"/>
    <constraint exp="" desc="" field="occupancy"/>
    <constraint exp="" desc="" field="over_capacity"/>
    <constraint exp="" desc="" field="infants"/>
    <constraint exp="" desc="" field="elderly"/>
    <constraint exp="" desc="" field="dietary"/>
    <constraint exp="" desc="" field="medical"/>
    <constraint exp="" desc="" field="needs_suppressed"/>
    <constraint exp="" desc="" field="suppression_k"/>
    <constraint exp="" desc="" field="source"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortExpression="" actionWidgetStyle="dropDown" sortOrder="0">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression></previewExpression>
  <mapTip enabled="1"></mapTip>
  <layerGeometryType>0</layerGeometryType>
</qgis>
