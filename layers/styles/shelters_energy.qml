<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis styleCategories="AllStyleCategories" autoRefreshMode="Disabled" hasScaleBasedVisibilityFlag="0" simplifyDrawingHints="1" autoRefreshTime="0" simplifyAlgorithm="0" simplifyMaxScale="1" maxScale="0" readOnly="0" symbologyReferenceScale="-1" version="3.40.6-Bratislava" simplifyLocal="1" simplifyDrawingTol="1" minScale="100000000" labelsEnabled="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal limitMode="0" durationField="" accumulate="0" endExpression="" fixedDuration="0" mode="0" startField="" enabled="0" endField="" durationUnit="min" startExpression="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <elevation type="IndividualFeatures" showMarkerSymbolInSurfacePlots="0" clamping="Terrain" binding="Centroid" symbology="Line" zoffset="0" extrusion="0" respectLayerSymbol="1" zscale="1" extrusionEnabled="0">
    <data-defined-properties>
      <Option type="Map">
        <Option type="QString" value="" name="name"/>
        <Option name="properties"/>
        <Option type="QString" value="collection" name="type"/>
      </Option>
    </data-defined-properties>
    <profileLineSymbol>
      <symbol type="line" alpha="1" is_animated="0" frame_rate="10" force_rhr="0" name="" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer id="{d04d332c-14eb-4ae3-ac8b-beb25c9c936c}" locked="0" enabled="1" class="SimpleLine" pass="0">
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
      <symbol type="fill" alpha="1" is_animated="0" frame_rate="10" force_rhr="0" name="" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer id="{c9141e43-0174-458a-8f0a-8a9d62c9c7cd}" locked="0" enabled="1" class="SimpleFill" pass="0">
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
      <symbol type="marker" alpha="1" is_animated="0" frame_rate="10" force_rhr="0" name="" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer id="{fcfb6fc2-f46f-46ac-af20-4eb8a23cd736}" locked="0" enabled="1" class="SimpleMarker" pass="0">
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
  <renderer-v2 type="graduatedSymbol" attr="hours_now" graduatedMethod="GraduatedColor" forceraster="0" referencescale="-1" enableorderby="0" symbollevels="0">
    <ranges>
      <range render="true" label="&lt; 24 h / 24時間未満" symbol="0" uuid="{8387bc58-0b16-4d48-96e9-e83592f425eb}" lower="0.000000000000000" upper="23.998999999999999"/>
      <range render="true" label="24-72 h / 24〜72時間" symbol="1" uuid="{eebb8cb8-c786-49d8-a199-06532b5185bc}" lower="24.000000000000000" upper="71.998999999999995"/>
      <range render="true" label="72-168 h / 72〜168時間" symbol="2" uuid="{2b4ad470-e2e0-4503-b427-874caa4e0993}" lower="72.000000000000000" upper="167.998999999999995"/>
      <range render="true" label=">= 168 h / 168時間以上" symbol="3" uuid="{a054d8f4-4e56-4d5b-8161-bf181e3a39c9}" lower="168.000000000000000" upper="1000000000.000000000000000"/>
    </ranges>
    <symbols>
      <symbol type="marker" alpha="1" is_animated="0" frame_rate="10" force_rhr="0" name="0" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer id="{5b5ee9e5-26f7-40fa-9214-d1e7d05cfdd5}" locked="0" enabled="1" class="SimpleMarker" pass="0">
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
            <Option type="QString" value="51,51,51,255,rgb:0.20000000000000001,0.20000000000000001,0.20000000000000001,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0" name="outline_width"/>
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
      <symbol type="marker" alpha="1" is_animated="0" frame_rate="10" force_rhr="0" name="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer id="{ce78136b-619d-49f5-a2b3-4422927a783e}" locked="0" enabled="1" class="SimpleMarker" pass="0">
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
            <Option type="QString" value="51,51,51,255,rgb:0.20000000000000001,0.20000000000000001,0.20000000000000001,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0" name="outline_width"/>
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
      <symbol type="marker" alpha="1" is_animated="0" frame_rate="10" force_rhr="0" name="2" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer id="{8a2e80ab-1a55-4ad4-94fa-30b96b5ffbcf}" locked="0" enabled="1" class="SimpleMarker" pass="0">
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
            <Option type="QString" value="51,51,51,255,rgb:0.20000000000000001,0.20000000000000001,0.20000000000000001,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0" name="outline_width"/>
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
      <symbol type="marker" alpha="1" is_animated="0" frame_rate="10" force_rhr="0" name="3" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer id="{d24bcda1-74b3-423f-80c5-761b5c029a2b}" locked="0" enabled="1" class="SimpleMarker" pass="0">
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
            <Option type="QString" value="51,51,51,255,rgb:0.20000000000000001,0.20000000000000001,0.20000000000000001,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0" name="outline_width"/>
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
    </symbols>
    <classificationMethod id="Custom">
      <symmetricMode astride="0" enabled="0" symmetrypoint="0"/>
      <labelFormat trimtrailingzeroes="1" labelprecision="4" format="%1 - %2"/>
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
    <field configurationFlags="NoFlag" name="pv_kw">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="battery_kwh">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="battery_kw">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="battery_soc">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="generator_kw">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="fuel_l">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="start_soc_used">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="critical_load_kw">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="critical_kwh_day">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="hours_now">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="min_hours">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="median_hours">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="share_24h">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="share_72h">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="share_168h">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="shortfall_kwh_72h">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="horizon_h">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="outage_start">
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
    <field configurationFlags="NoFlag" name="name">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias index="0" field="pv_kw" name="太陽光（kW）"/>
    <alias index="1" field="battery_kwh" name="蓄電池容量（kWh）"/>
    <alias index="2" field="battery_kw" name="蓄電池出力（kW）"/>
    <alias index="3" field="battery_soc" name="充電率（監視値）"/>
    <alias index="4" field="generator_kw" name="発電機（kW）"/>
    <alias index="5" field="fuel_l" name="燃料（L）"/>
    <alias index="6" field="start_soc_used" name="開始時の充電率"/>
    <alias index="7" field="critical_load_kw" name="重要負荷（平均kW）"/>
    <alias index="8" field="critical_kwh_day" name="重要負荷（kWh/日）"/>
    <alias index="9" field="hours_now" name="現在からの自立時間（h）"/>
    <alias index="10" field="min_hours" name="最短自立時間（h）"/>
    <alias index="11" field="median_hours" name="自立時間の中央値（h）"/>
    <alias index="12" field="share_24h" name="24時間維持の割合"/>
    <alias index="13" field="share_72h" name="72時間維持の割合"/>
    <alias index="14" field="share_168h" name="168時間維持の割合"/>
    <alias index="15" field="shortfall_kwh_72h" name="72時間の不足電力量（kWh）"/>
    <alias index="16" field="horizon_h" name="計算期間（h）"/>
    <alias index="17" field="outage_start" name="停電開始"/>
    <alias index="18" field="evacuees" name="避難者数"/>
    <alias index="19" field="name" name="施設・場所名"/>
  </aliases>
  <splitPolicies>
    <policy policy="Duplicate" field="pv_kw"/>
    <policy policy="Duplicate" field="battery_kwh"/>
    <policy policy="Duplicate" field="battery_kw"/>
    <policy policy="Duplicate" field="battery_soc"/>
    <policy policy="Duplicate" field="generator_kw"/>
    <policy policy="Duplicate" field="fuel_l"/>
    <policy policy="Duplicate" field="start_soc_used"/>
    <policy policy="Duplicate" field="critical_load_kw"/>
    <policy policy="Duplicate" field="critical_kwh_day"/>
    <policy policy="Duplicate" field="hours_now"/>
    <policy policy="Duplicate" field="min_hours"/>
    <policy policy="Duplicate" field="median_hours"/>
    <policy policy="Duplicate" field="share_24h"/>
    <policy policy="Duplicate" field="share_72h"/>
    <policy policy="Duplicate" field="share_168h"/>
    <policy policy="Duplicate" field="shortfall_kwh_72h"/>
    <policy policy="Duplicate" field="horizon_h"/>
    <policy policy="Duplicate" field="outage_start"/>
    <policy policy="Duplicate" field="evacuees"/>
    <policy policy="Duplicate" field="name"/>
  </splitPolicies>
  <duplicatePolicies>
    <policy policy="Duplicate" field="pv_kw"/>
    <policy policy="Duplicate" field="battery_kwh"/>
    <policy policy="Duplicate" field="battery_kw"/>
    <policy policy="Duplicate" field="battery_soc"/>
    <policy policy="Duplicate" field="generator_kw"/>
    <policy policy="Duplicate" field="fuel_l"/>
    <policy policy="Duplicate" field="start_soc_used"/>
    <policy policy="Duplicate" field="critical_load_kw"/>
    <policy policy="Duplicate" field="critical_kwh_day"/>
    <policy policy="Duplicate" field="hours_now"/>
    <policy policy="Duplicate" field="min_hours"/>
    <policy policy="Duplicate" field="median_hours"/>
    <policy policy="Duplicate" field="share_24h"/>
    <policy policy="Duplicate" field="share_72h"/>
    <policy policy="Duplicate" field="share_168h"/>
    <policy policy="Duplicate" field="shortfall_kwh_72h"/>
    <policy policy="Duplicate" field="horizon_h"/>
    <policy policy="Duplicate" field="outage_start"/>
    <policy policy="Duplicate" field="evacuees"/>
    <policy policy="Duplicate" field="name"/>
  </duplicatePolicies>
  <defaults>
    <default expression="" applyOnUpdate="0" field="pv_kw"/>
    <default expression="" applyOnUpdate="0" field="battery_kwh"/>
    <default expression="" applyOnUpdate="0" field="battery_kw"/>
    <default expression="" applyOnUpdate="0" field="battery_soc"/>
    <default expression="" applyOnUpdate="0" field="generator_kw"/>
    <default expression="" applyOnUpdate="0" field="fuel_l"/>
    <default expression="" applyOnUpdate="0" field="start_soc_used"/>
    <default expression="" applyOnUpdate="0" field="critical_load_kw"/>
    <default expression="" applyOnUpdate="0" field="critical_kwh_day"/>
    <default expression="" applyOnUpdate="0" field="hours_now"/>
    <default expression="" applyOnUpdate="0" field="min_hours"/>
    <default expression="" applyOnUpdate="0" field="median_hours"/>
    <default expression="" applyOnUpdate="0" field="share_24h"/>
    <default expression="" applyOnUpdate="0" field="share_72h"/>
    <default expression="" applyOnUpdate="0" field="share_168h"/>
    <default expression="" applyOnUpdate="0" field="shortfall_kwh_72h"/>
    <default expression="" applyOnUpdate="0" field="horizon_h"/>
    <default expression="" applyOnUpdate="0" field="outage_start"/>
    <default expression="" applyOnUpdate="0" field="evacuees"/>
    <default expression="" applyOnUpdate="0" field="name"/>
  </defaults>
  <constraints>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="pv_kw"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="battery_kwh"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="battery_kw"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="battery_soc"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="generator_kw"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="fuel_l"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="start_soc_used"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="critical_load_kw"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="critical_kwh_day"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="hours_now"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="min_hours"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="median_hours"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="share_24h"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="share_72h"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="share_168h"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="shortfall_kwh_72h"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="horizon_h"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="outage_start"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="evacuees"/>
    <constraint constraints="0" unique_strength="0" notnull_strength="0" exp_strength="0" field="name"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" field="pv_kw" exp=""/>
    <constraint desc="" field="battery_kwh" exp=""/>
    <constraint desc="" field="battery_kw" exp=""/>
    <constraint desc="" field="battery_soc" exp=""/>
    <constraint desc="" field="generator_kw" exp=""/>
    <constraint desc="" field="fuel_l" exp=""/>
    <constraint desc="" field="start_soc_used" exp=""/>
    <constraint desc="" field="critical_load_kw" exp=""/>
    <constraint desc="" field="critical_kwh_day" exp=""/>
    <constraint desc="" field="hours_now" exp=""/>
    <constraint desc="" field="min_hours" exp=""/>
    <constraint desc="" field="median_hours" exp=""/>
    <constraint desc="" field="share_24h" exp=""/>
    <constraint desc="" field="share_72h" exp=""/>
    <constraint desc="" field="share_168h" exp=""/>
    <constraint desc="" field="shortfall_kwh_72h" exp=""/>
    <constraint desc="" field="horizon_h" exp=""/>
    <constraint desc="" field="outage_start" exp=""/>
    <constraint desc="" field="evacuees" exp=""/>
    <constraint desc="" field="name" exp=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig actionWidgetStyle="dropDown" sortOrder="0" sortExpression="">
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
