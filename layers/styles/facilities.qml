<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis styleCategories="AllStyleCategories" simplifyAlgorithm="0" maxScale="0" labelsEnabled="0" hasScaleBasedVisibilityFlag="0" autoRefreshTime="0" simplifyDrawingHints="1" version="3.40.6-Bratislava" autoRefreshMode="Disabled" simplifyMaxScale="1" simplifyLocal="1" readOnly="0" minScale="100000000" symbologyReferenceScale="-1" simplifyDrawingTol="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startExpression="" durationUnit="min" accumulate="0" enabled="0" fixedDuration="0" durationField="" endExpression="" limitMode="0" startField="" endField="" mode="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <elevation type="IndividualFeatures" zscale="1" extrusion="0" symbology="Line" respectLayerSymbol="1" clamping="Terrain" binding="Centroid" showMarkerSymbolInSurfacePlots="0" zoffset="0" extrusionEnabled="0">
    <data-defined-properties>
      <Option type="Map">
        <Option type="QString" value="" name="name"/>
        <Option name="properties"/>
        <Option type="QString" value="collection" name="type"/>
      </Option>
    </data-defined-properties>
    <profileLineSymbol>
      <symbol clip_to_extent="1" is_animated="0" type="line" force_rhr="0" alpha="1" frame_rate="10" name="">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" pass="0" id="{d4ded561-db18-40b8-8f8a-9f426dd837d6}" locked="0">
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
            <Option type="QString" value="196,60,57,255,rgb:0.7686274509803922,0.23529411764705882,0.22352941176470589,1" name="line_color"/>
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
      <symbol clip_to_extent="1" is_animated="0" type="fill" force_rhr="0" alpha="1" frame_rate="10" name="">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" enabled="1" pass="0" id="{85c01815-5bd4-4a06-a95e-afa3bd1d98b8}" locked="0">
          <Option type="Map">
            <Option type="QString" value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale"/>
            <Option type="QString" value="196,60,57,255,rgb:0.7686274509803922,0.23529411764705882,0.22352941176470589,1" name="color"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="140,43,41,255,rgb:0.5490196078431373,0.16803234912642101,0.15967040512703135,1" name="outline_color"/>
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
      <symbol clip_to_extent="1" is_animated="0" type="marker" force_rhr="0" alpha="1" frame_rate="10" name="">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" id="{1d45a104-551d-48a3-9af0-a3f71109b1b9}" locked="0">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="196,60,57,255,rgb:0.7686274509803922,0.23529411764705882,0.22352941176470589,1" name="color"/>
            <Option type="QString" value="1" name="horizontal_anchor_point"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="diamond" name="name"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="140,43,41,255,rgb:0.5490196078431373,0.16803234912642101,0.15967040512703135,1" name="outline_color"/>
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
  <renderer-v2 type="categorizedSymbol" symbollevels="0" attr="CASE WHEN &quot;emergency_site&quot; AND &quot;designated_shelter&quot; THEN 'both' WHEN &quot;designated_shelter&quot; THEN 'shelter' WHEN &quot;emergency_site&quot; THEN 'emergency' ELSE 'other' END" forceraster="0" referencescale="-1" enableorderby="0">
    <categories>
      <category type="string" value="both" render="true" label="指定緊急避難場所・指定避難所" symbol="0" uuid="{df9bc78e-04a3-443c-9c7d-bb5f797ed3b4}"/>
      <category type="string" value="shelter" render="true" label="指定避難所" symbol="1" uuid="{58d48277-407e-4956-8aef-bf91471a0a71}"/>
      <category type="string" value="emergency" render="true" label="指定緊急避難場所" symbol="2" uuid="{5c92494d-a615-4314-8b82-89f86d324bb6}"/>
      <category type="string" value="other" render="true" label="その他の施設" symbol="3" uuid="{4d5d6132-b500-4266-a73f-0b4d4c3acc84}"/>
    </categories>
    <symbols>
      <symbol clip_to_extent="1" is_animated="0" type="marker" force_rhr="0" alpha="1" frame_rate="10" name="0">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" id="{039caa17-f70b-4048-b7bf-7349562bff9d}" locked="0">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="31,95,191,255,rgb:0.12156862745098039,0.37254901960784315,0.74901960784313726,1" name="color"/>
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
            <Option type="QString" value="3.2" name="size"/>
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
      <symbol clip_to_extent="1" is_animated="0" type="marker" force_rhr="0" alpha="1" frame_rate="10" name="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" id="{b7fcaf03-1df6-495a-870e-c781040535b2}" locked="0">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="43,147,72,255,rgb:0.16862745098039217,0.57647058823529407,0.28235294117647058,1" name="color"/>
            <Option type="QString" value="1" name="horizontal_anchor_point"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="square" name="name"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" name="outline_color"/>
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
      <symbol clip_to_extent="1" is_animated="0" type="marker" force_rhr="0" alpha="1" frame_rate="10" name="2">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" id="{1dcb414a-94fd-4a3a-b7fa-1e83b87d420a}" locked="0">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="240,140,0,255,rgb:0.94117647058823528,0.5490196078431373,0,1" name="color"/>
            <Option type="QString" value="1" name="horizontal_anchor_point"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="triangle" name="name"/>
            <Option type="QString" value="0,0" name="offset"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="offset_map_unit_scale"/>
            <Option type="QString" value="MM" name="offset_unit"/>
            <Option type="QString" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0.2" name="outline_width"/>
            <Option type="QString" value="3x:0,0,0,0,0,0" name="outline_width_map_unit_scale"/>
            <Option type="QString" value="MM" name="outline_width_unit"/>
            <Option type="QString" value="diameter" name="scale_method"/>
            <Option type="QString" value="3.2" name="size"/>
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
      <symbol clip_to_extent="1" is_animated="0" type="marker" force_rhr="0" alpha="1" frame_rate="10" name="3">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" value="" name="name"/>
            <Option name="properties"/>
            <Option type="QString" value="collection" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" id="{c3f195c3-5b7e-4ada-a24e-f574d948d2ad}" locked="0">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="square" name="cap_style"/>
            <Option type="QString" value="136,136,136,255,rgb:0.53333333333333333,0.53333333333333333,0.53333333333333333,1" name="color"/>
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
            <Option type="QString" value="2" name="size"/>
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
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option type="QString" value=""/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <fieldConfiguration>
    <field configurationFlags="NoFlag" name="id">
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
    <field configurationFlags="NoFlag" name="name_kana">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="address">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="municipality_code">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="facility_type">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="emergency_site">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="designated_shelter">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="welfare_shelter">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="ok_flood">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="ok_landslide">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="ok_storm_surge">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="ok_earthquake">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="ok_tsunami">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="ok_fire">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="ok_inland_flood">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="ok_volcano">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="conditional_hazards">
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
    <field configurationFlags="NoFlag" name="floor_area_m2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="elevation_m">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="floors">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="in_disaster_plan">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="owner">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="notes">
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
    <field configurationFlags="NoFlag" name="source_id">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="source_file">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="NoFlag" name="source_row">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias index="0" field="id" name="ID"/>
    <alias index="1" field="name" name="施設・場所名"/>
    <alias index="2" field="name_kana" name="施設名（カナ）"/>
    <alias index="3" field="address" name="住所"/>
    <alias index="4" field="municipality_code" name="市区町村コード"/>
    <alias index="5" field="facility_type" name="施設種別"/>
    <alias index="6" field="emergency_site" name="指定緊急避難場所"/>
    <alias index="7" field="designated_shelter" name="指定避難所"/>
    <alias index="8" field="welfare_shelter" name="福祉避難所"/>
    <alias index="9" field="ok_flood" name="対象災害：洪水"/>
    <alias index="10" field="ok_landslide" name="対象災害：崖崩れ・土石流・地滑り"/>
    <alias index="11" field="ok_storm_surge" name="対象災害：高潮"/>
    <alias index="12" field="ok_earthquake" name="対象災害：地震"/>
    <alias index="13" field="ok_tsunami" name="対象災害：津波"/>
    <alias index="14" field="ok_fire" name="対象災害：大規模な火事"/>
    <alias index="15" field="ok_inland_flood" name="対象災害：内水氾濫"/>
    <alias index="16" field="ok_volcano" name="対象災害：火山現象"/>
    <alias index="17" field="conditional_hazards" name="条件付き（上階避難等）の災害"/>
    <alias index="18" field="capacity_persons" name="収容人数"/>
    <alias index="19" field="floor_area_m2" name="床面積（㎡）"/>
    <alias index="20" field="elevation_m" name="標高（m）"/>
    <alias index="21" field="floors" name="階数"/>
    <alias index="22" field="in_disaster_plan" name="地域防災計画に位置付け"/>
    <alias index="23" field="owner" name="所有"/>
    <alias index="24" field="notes" name="備考"/>
    <alias index="25" field="source" name="出典"/>
    <alias index="26" field="source_id" name="出典ID（共通ID等）"/>
    <alias index="27" field="source_file" name="元ファイル"/>
    <alias index="28" field="source_row" name="元の行"/>
  </aliases>
  <splitPolicies>
    <policy field="id" policy="Duplicate"/>
    <policy field="name" policy="Duplicate"/>
    <policy field="name_kana" policy="Duplicate"/>
    <policy field="address" policy="Duplicate"/>
    <policy field="municipality_code" policy="Duplicate"/>
    <policy field="facility_type" policy="Duplicate"/>
    <policy field="emergency_site" policy="Duplicate"/>
    <policy field="designated_shelter" policy="Duplicate"/>
    <policy field="welfare_shelter" policy="Duplicate"/>
    <policy field="ok_flood" policy="Duplicate"/>
    <policy field="ok_landslide" policy="Duplicate"/>
    <policy field="ok_storm_surge" policy="Duplicate"/>
    <policy field="ok_earthquake" policy="Duplicate"/>
    <policy field="ok_tsunami" policy="Duplicate"/>
    <policy field="ok_fire" policy="Duplicate"/>
    <policy field="ok_inland_flood" policy="Duplicate"/>
    <policy field="ok_volcano" policy="Duplicate"/>
    <policy field="conditional_hazards" policy="Duplicate"/>
    <policy field="capacity_persons" policy="Duplicate"/>
    <policy field="floor_area_m2" policy="Duplicate"/>
    <policy field="elevation_m" policy="Duplicate"/>
    <policy field="floors" policy="Duplicate"/>
    <policy field="in_disaster_plan" policy="Duplicate"/>
    <policy field="owner" policy="Duplicate"/>
    <policy field="notes" policy="Duplicate"/>
    <policy field="source" policy="Duplicate"/>
    <policy field="source_id" policy="Duplicate"/>
    <policy field="source_file" policy="Duplicate"/>
    <policy field="source_row" policy="Duplicate"/>
  </splitPolicies>
  <duplicatePolicies>
    <policy field="id" policy="Duplicate"/>
    <policy field="name" policy="Duplicate"/>
    <policy field="name_kana" policy="Duplicate"/>
    <policy field="address" policy="Duplicate"/>
    <policy field="municipality_code" policy="Duplicate"/>
    <policy field="facility_type" policy="Duplicate"/>
    <policy field="emergency_site" policy="Duplicate"/>
    <policy field="designated_shelter" policy="Duplicate"/>
    <policy field="welfare_shelter" policy="Duplicate"/>
    <policy field="ok_flood" policy="Duplicate"/>
    <policy field="ok_landslide" policy="Duplicate"/>
    <policy field="ok_storm_surge" policy="Duplicate"/>
    <policy field="ok_earthquake" policy="Duplicate"/>
    <policy field="ok_tsunami" policy="Duplicate"/>
    <policy field="ok_fire" policy="Duplicate"/>
    <policy field="ok_inland_flood" policy="Duplicate"/>
    <policy field="ok_volcano" policy="Duplicate"/>
    <policy field="conditional_hazards" policy="Duplicate"/>
    <policy field="capacity_persons" policy="Duplicate"/>
    <policy field="floor_area_m2" policy="Duplicate"/>
    <policy field="elevation_m" policy="Duplicate"/>
    <policy field="floors" policy="Duplicate"/>
    <policy field="in_disaster_plan" policy="Duplicate"/>
    <policy field="owner" policy="Duplicate"/>
    <policy field="notes" policy="Duplicate"/>
    <policy field="source" policy="Duplicate"/>
    <policy field="source_id" policy="Duplicate"/>
    <policy field="source_file" policy="Duplicate"/>
    <policy field="source_row" policy="Duplicate"/>
  </duplicatePolicies>
  <defaults>
    <default applyOnUpdate="0" field="id" expression=""/>
    <default applyOnUpdate="0" field="name" expression=""/>
    <default applyOnUpdate="0" field="name_kana" expression=""/>
    <default applyOnUpdate="0" field="address" expression=""/>
    <default applyOnUpdate="0" field="municipality_code" expression=""/>
    <default applyOnUpdate="0" field="facility_type" expression=""/>
    <default applyOnUpdate="0" field="emergency_site" expression=""/>
    <default applyOnUpdate="0" field="designated_shelter" expression=""/>
    <default applyOnUpdate="0" field="welfare_shelter" expression=""/>
    <default applyOnUpdate="0" field="ok_flood" expression=""/>
    <default applyOnUpdate="0" field="ok_landslide" expression=""/>
    <default applyOnUpdate="0" field="ok_storm_surge" expression=""/>
    <default applyOnUpdate="0" field="ok_earthquake" expression=""/>
    <default applyOnUpdate="0" field="ok_tsunami" expression=""/>
    <default applyOnUpdate="0" field="ok_fire" expression=""/>
    <default applyOnUpdate="0" field="ok_inland_flood" expression=""/>
    <default applyOnUpdate="0" field="ok_volcano" expression=""/>
    <default applyOnUpdate="0" field="conditional_hazards" expression=""/>
    <default applyOnUpdate="0" field="capacity_persons" expression=""/>
    <default applyOnUpdate="0" field="floor_area_m2" expression=""/>
    <default applyOnUpdate="0" field="elevation_m" expression=""/>
    <default applyOnUpdate="0" field="floors" expression=""/>
    <default applyOnUpdate="0" field="in_disaster_plan" expression=""/>
    <default applyOnUpdate="0" field="owner" expression=""/>
    <default applyOnUpdate="0" field="notes" expression=""/>
    <default applyOnUpdate="0" field="source" expression=""/>
    <default applyOnUpdate="0" field="source_id" expression=""/>
    <default applyOnUpdate="0" field="source_file" expression=""/>
    <default applyOnUpdate="0" field="source_row" expression=""/>
  </defaults>
  <constraints>
    <constraint unique_strength="0" notnull_strength="0" field="id" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="name" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="name_kana" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="address" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="municipality_code" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="facility_type" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="emergency_site" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="designated_shelter" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="welfare_shelter" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="ok_flood" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="ok_landslide" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="ok_storm_surge" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="ok_earthquake" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="ok_tsunami" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="ok_fire" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="ok_inland_flood" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="ok_volcano" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="conditional_hazards" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="capacity_persons" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="floor_area_m2" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="elevation_m" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="floors" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="in_disaster_plan" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="owner" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="notes" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="source" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="source_id" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="source_file" exp_strength="0" constraints="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="source_row" exp_strength="0" constraints="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" field="id" exp=""/>
    <constraint desc="" field="name" exp=""/>
    <constraint desc="" field="name_kana" exp=""/>
    <constraint desc="" field="address" exp=""/>
    <constraint desc="" field="municipality_code" exp=""/>
    <constraint desc="" field="facility_type" exp=""/>
    <constraint desc="" field="emergency_site" exp=""/>
    <constraint desc="" field="designated_shelter" exp=""/>
    <constraint desc="" field="welfare_shelter" exp=""/>
    <constraint desc="" field="ok_flood" exp=""/>
    <constraint desc="" field="ok_landslide" exp=""/>
    <constraint desc="" field="ok_storm_surge" exp=""/>
    <constraint desc="" field="ok_earthquake" exp=""/>
    <constraint desc="" field="ok_tsunami" exp=""/>
    <constraint desc="" field="ok_fire" exp=""/>
    <constraint desc="" field="ok_inland_flood" exp=""/>
    <constraint desc="" field="ok_volcano" exp=""/>
    <constraint desc="" field="conditional_hazards" exp=""/>
    <constraint desc="" field="capacity_persons" exp=""/>
    <constraint desc="" field="floor_area_m2" exp=""/>
    <constraint desc="" field="elevation_m" exp=""/>
    <constraint desc="" field="floors" exp=""/>
    <constraint desc="" field="in_disaster_plan" exp=""/>
    <constraint desc="" field="owner" exp=""/>
    <constraint desc="" field="notes" exp=""/>
    <constraint desc="" field="source" exp=""/>
    <constraint desc="" field="source_id" exp=""/>
    <constraint desc="" field="source_file" exp=""/>
    <constraint desc="" field="source_row" exp=""/>
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
