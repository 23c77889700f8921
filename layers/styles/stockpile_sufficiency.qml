<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyMaxScale="1" version="3.40.6-Bratislava" hasScaleBasedVisibilityFlag="0" styleCategories="AllStyleCategories" simplifyLocal="1" maxScale="0" minScale="100000000" simplifyAlgorithm="0" simplifyDrawingTol="1" readOnly="0" autoRefreshMode="Disabled" labelsEnabled="0" autoRefreshTime="0" simplifyDrawingHints="1" symbologyReferenceScale="-1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal endField="" endExpression="" mode="0" limitMode="0" startExpression="" fixedDuration="0" enabled="0" accumulate="0" startField="" durationUnit="min" durationField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <elevation zoffset="0" type="IndividualFeatures" extrusionEnabled="0" clamping="Terrain" showMarkerSymbolInSurfacePlots="0" respectLayerSymbol="1" extrusion="0" binding="Centroid" symbology="Line" zscale="1">
    <data-defined-properties>
      <Option type="Map">
        <Option name="name" value="" type="QString"/>
        <Option name="properties"/>
        <Option name="type" value="collection" type="QString"/>
      </Option>
    </data-defined-properties>
    <profileLineSymbol>
      <symbol name="" clip_to_extent="1" type="line" frame_rate="10" force_rhr="0" is_animated="0" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleLine" locked="0" id="{2ce01924-e113-4562-80d1-4fa9d121e1ad}" enabled="1">
          <Option type="Map">
            <Option name="align_dash_pattern" value="0" type="QString"/>
            <Option name="capstyle" value="square" type="QString"/>
            <Option name="customdash" value="5;2" type="QString"/>
            <Option name="customdash_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="customdash_unit" value="MM" type="QString"/>
            <Option name="dash_pattern_offset" value="0" type="QString"/>
            <Option name="dash_pattern_offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="dash_pattern_offset_unit" value="MM" type="QString"/>
            <Option name="draw_inside_polygon" value="0" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="line_color" value="145,82,45,255,rgb:0.56862745098039214,0.32156862745098042,0.17647058823529413,1" type="QString"/>
            <Option name="line_style" value="solid" type="QString"/>
            <Option name="line_width" value="0.6" type="QString"/>
            <Option name="line_width_unit" value="MM" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
            <Option name="trim_distance_end" value="0" type="QString"/>
            <Option name="trim_distance_end_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="trim_distance_end_unit" value="MM" type="QString"/>
            <Option name="trim_distance_start" value="0" type="QString"/>
            <Option name="trim_distance_start_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="trim_distance_start_unit" value="MM" type="QString"/>
            <Option name="tweak_dash_pattern_on_corners" value="0" type="QString"/>
            <Option name="use_custom_dash" value="0" type="QString"/>
            <Option name="width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </profileLineSymbol>
    <profileFillSymbol>
      <symbol name="" clip_to_extent="1" type="fill" frame_rate="10" force_rhr="0" is_animated="0" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleFill" locked="0" id="{e5180a8b-b06f-4a32-b2ef-e4640819df5a}" enabled="1">
          <Option type="Map">
            <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="color" value="145,82,45,255,rgb:0.56862745098039214,0.32156862745098042,0.17647058823529413,1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="104,59,32,255,rgb:0.40614938582436866,0.22967879758907453,0.12603952086671244,1" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </profileFillSymbol>
    <profileMarkerSymbol>
      <symbol name="" clip_to_extent="1" type="marker" frame_rate="10" force_rhr="0" is_animated="0" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" locked="0" id="{7c1c0fbe-0752-4bfa-89ee-9be55d1743b5}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="145,82,45,255,rgb:0.56862745098039214,0.32156862745098042,0.17647058823529413,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="diamond" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="104,59,32,255,rgb:0.40614938582436866,0.22967879758907453,0.12603952086671244,1" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="3" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </profileMarkerSymbol>
  </elevation>
  <renderer-v2 referencescale="-1" type="graduatedSymbol" symbollevels="0" forceraster="0" attr="days_min" enableorderby="0" graduatedMethod="GraduatedColor">
    <ranges>
      <range label="1日未満" render="true" lower="0.000000000000000" upper="1.000000000000000" symbol="0" uuid="{9e09643f-0c9a-451a-b546-4d30d6bb0528}"/>
      <range label="1〜2日" render="true" lower="1.000000000000000" upper="2.000000000000000" symbol="1" uuid="{9a6830c2-6b3f-4794-b885-3eb474adaa70}"/>
      <range label="2〜3日" render="true" lower="2.000000000000000" upper="3.000000000000000" symbol="2" uuid="{98a0d00f-0569-4e85-92d4-c3267b868d6e}"/>
      <range label="3〜7日（計画期間を充足）" render="true" lower="3.000000000000000" upper="7.000000000000000" symbol="3" uuid="{134b0cc1-692d-456f-86f5-1c325398db42}"/>
      <range label="7日以上" render="true" lower="7.000000000000000" upper="1000000000.000000000000000" symbol="4" uuid="{b87d6c98-b86a-4414-b425-6eb88430ca73}"/>
    </ranges>
    <symbols>
      <symbol name="0" clip_to_extent="1" type="marker" frame_rate="10" force_rhr="0" is_animated="0" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" locked="0" id="{b54eed74-0b95-4fcf-a115-291f86c4d056}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="215,25,28,255,rgb:0.84313725490196079,0.09803921568627451,0.10980392156862745,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="1" clip_to_extent="1" type="marker" frame_rate="10" force_rhr="0" is_animated="0" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" locked="0" id="{d0d921ab-1a6e-49ed-aeb3-c38c8cf0c2c1}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="253,174,97,255,rgb:0.99215686274509807,0.68235294117647061,0.38039215686274508,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="2" clip_to_extent="1" type="marker" frame_rate="10" force_rhr="0" is_animated="0" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" locked="0" id="{1bf41fce-5b2a-4048-9c60-14e777effd8f}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="255,255,191,255,rgb:1,1,0.74901960784313726,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="3" clip_to_extent="1" type="marker" frame_rate="10" force_rhr="0" is_animated="0" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" locked="0" id="{b84a42fb-0408-478f-9f2c-32bc3b1d1892}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="166,217,106,255,rgb:0.65098039215686276,0.85098039215686272,0.41568627450980394,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="4" clip_to_extent="1" type="marker" frame_rate="10" force_rhr="0" is_animated="0" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" locked="0" id="{948232f5-d29c-4c60-9943-f7f6d0424ed3}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="26,150,65,255,rgb:0.10196078431372549,0.58823529411764708,0.25490196078431371,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="32,32,32,255,rgb:0.12549019607843137,0.12549019607843137,0.12549019607843137,1" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="3.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <classificationMethod id="Custom">
      <symmetricMode symmetrypoint="0" astride="0" enabled="0"/>
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
        <Option name="name" value="" type="QString"/>
        <Option name="properties"/>
        <Option name="type" value="collection" type="QString"/>
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
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <fieldConfiguration>
    <field name="shelter_id" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="name" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="evacuees" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="district" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="water_units" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="water_pd" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="water_days" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="water_persons" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="water_short" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="water_partner" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="meals_units" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="meals_pd" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="meals_days" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="meals_persons" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="meals_short" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="meals_partner" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="portable_toilet_units" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="portable_toilet_pd" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="portable_toilet_days" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="portable_toilet_persons" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="portable_toilet_short" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="portable_toilet_partner" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="infant_diaper_units" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="infant_diaper_pd" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="infant_diaper_days" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="infant_diaper_persons" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="infant_diaper_short" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="infant_diaper_partner" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="adult_diaper_units" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="adult_diaper_pd" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="adult_diaper_days" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="adult_diaper_persons" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="adult_diaper_short" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="adult_diaper_partner" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="blanket_units" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="blanket_pd" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="blanket_days" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="blanket_persons" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="blanket_short" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="blanket_partner" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="days_min" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="limiting_item" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="meets_horizon" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="battery_kwh" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="battery_soc" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="kwh_now" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="critical_load_kw" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="hours_now" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="scenario_date" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="profile" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="horizon_days" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="避難所ID" field="shelter_id" index="0"/>
    <alias name="避難所名" field="name" index="1"/>
    <alias name="避難者数" field="evacuees" index="2"/>
    <alias name="地区" field="district" index="3"/>
    <alias name="飲料水 数量（基本単位）" field="water_units" index="4"/>
    <alias name="飲料水 充足人日" field="water_pd" index="5"/>
    <alias name="飲料水 充足日数" field="water_days" index="6"/>
    <alias name="飲料水 充足人数" field="water_persons" index="7"/>
    <alias name="飲料水 不足数量" field="water_short" index="8"/>
    <alias name="飲料水 事業者分の割合" field="water_partner" index="9"/>
    <alias name="食料（食） 数量（基本単位）" field="meals_units" index="10"/>
    <alias name="食料（食） 充足人日" field="meals_pd" index="11"/>
    <alias name="食料（食） 充足日数" field="meals_days" index="12"/>
    <alias name="食料（食） 充足人数" field="meals_persons" index="13"/>
    <alias name="食料（食） 不足数量" field="meals_short" index="14"/>
    <alias name="食料（食） 事業者分の割合" field="meals_partner" index="15"/>
    <alias name="携帯・簡易トイレ（回分） 数量（基本単位）" field="portable_toilet_units" index="16"/>
    <alias name="携帯・簡易トイレ（回分） 充足人日" field="portable_toilet_pd" index="17"/>
    <alias name="携帯・簡易トイレ（回分） 充足日数" field="portable_toilet_days" index="18"/>
    <alias name="携帯・簡易トイレ（回分） 充足人数" field="portable_toilet_persons" index="19"/>
    <alias name="携帯・簡易トイレ（回分） 不足数量" field="portable_toilet_short" index="20"/>
    <alias name="携帯・簡易トイレ（回分） 事業者分の割合" field="portable_toilet_partner" index="21"/>
    <alias name="乳幼児用紙おむつ 数量（基本単位）" field="infant_diaper_units" index="22"/>
    <alias name="乳幼児用紙おむつ 充足人日" field="infant_diaper_pd" index="23"/>
    <alias name="乳幼児用紙おむつ 充足日数" field="infant_diaper_days" index="24"/>
    <alias name="乳幼児用紙おむつ 充足人数" field="infant_diaper_persons" index="25"/>
    <alias name="乳幼児用紙おむつ 不足数量" field="infant_diaper_short" index="26"/>
    <alias name="乳幼児用紙おむつ 事業者分の割合" field="infant_diaper_partner" index="27"/>
    <alias name="大人用紙おむつ 数量（基本単位）" field="adult_diaper_units" index="28"/>
    <alias name="大人用紙おむつ 充足人日" field="adult_diaper_pd" index="29"/>
    <alias name="大人用紙おむつ 充足日数" field="adult_diaper_days" index="30"/>
    <alias name="大人用紙おむつ 充足人数" field="adult_diaper_persons" index="31"/>
    <alias name="大人用紙おむつ 不足数量" field="adult_diaper_short" index="32"/>
    <alias name="大人用紙おむつ 事業者分の割合" field="adult_diaper_partner" index="33"/>
    <alias name="毛布 数量（基本単位）" field="blanket_units" index="34"/>
    <alias name="毛布 充足人日" field="blanket_pd" index="35"/>
    <alias name="毛布 充足日数" field="blanket_days" index="36"/>
    <alias name="毛布 充足人数" field="blanket_persons" index="37"/>
    <alias name="毛布 不足数量" field="blanket_short" index="38"/>
    <alias name="毛布 事業者分の割合" field="blanket_partner" index="39"/>
    <alias name="最小充足日数" field="days_min" index="40"/>
    <alias name="制約品目" field="limiting_item" index="41"/>
    <alias name="計画期間を充足" field="meets_horizon" index="42"/>
    <alias name="蓄電池容量（kWh）" field="battery_kwh" index="43"/>
    <alias name="蓄電池残量（0-1）" field="battery_soc" index="44"/>
    <alias name="現在の電力量（kWh）" field="kwh_now" index="45"/>
    <alias name="重要負荷（kW）" field="critical_load_kw" index="46"/>
    <alias name="重要負荷の継続時間（h）" field="hours_now" index="47"/>
    <alias name="想定日" field="scenario_date" index="48"/>
    <alias name="需要プロファイル" field="profile" index="49"/>
    <alias name="計画期間（日）" field="horizon_days" index="50"/>
  </aliases>
  <splitPolicies>
    <policy field="shelter_id" policy="Duplicate"/>
    <policy field="name" policy="Duplicate"/>
    <policy field="evacuees" policy="Duplicate"/>
    <policy field="district" policy="Duplicate"/>
    <policy field="water_units" policy="Duplicate"/>
    <policy field="water_pd" policy="Duplicate"/>
    <policy field="water_days" policy="Duplicate"/>
    <policy field="water_persons" policy="Duplicate"/>
    <policy field="water_short" policy="Duplicate"/>
    <policy field="water_partner" policy="Duplicate"/>
    <policy field="meals_units" policy="Duplicate"/>
    <policy field="meals_pd" policy="Duplicate"/>
    <policy field="meals_days" policy="Duplicate"/>
    <policy field="meals_persons" policy="Duplicate"/>
    <policy field="meals_short" policy="Duplicate"/>
    <policy field="meals_partner" policy="Duplicate"/>
    <policy field="portable_toilet_units" policy="Duplicate"/>
    <policy field="portable_toilet_pd" policy="Duplicate"/>
    <policy field="portable_toilet_days" policy="Duplicate"/>
    <policy field="portable_toilet_persons" policy="Duplicate"/>
    <policy field="portable_toilet_short" policy="Duplicate"/>
    <policy field="portable_toilet_partner" policy="Duplicate"/>
    <policy field="infant_diaper_units" policy="Duplicate"/>
    <policy field="infant_diaper_pd" policy="Duplicate"/>
    <policy field="infant_diaper_days" policy="Duplicate"/>
    <policy field="infant_diaper_persons" policy="Duplicate"/>
    <policy field="infant_diaper_short" policy="Duplicate"/>
    <policy field="infant_diaper_partner" policy="Duplicate"/>
    <policy field="adult_diaper_units" policy="Duplicate"/>
    <policy field="adult_diaper_pd" policy="Duplicate"/>
    <policy field="adult_diaper_days" policy="Duplicate"/>
    <policy field="adult_diaper_persons" policy="Duplicate"/>
    <policy field="adult_diaper_short" policy="Duplicate"/>
    <policy field="adult_diaper_partner" policy="Duplicate"/>
    <policy field="blanket_units" policy="Duplicate"/>
    <policy field="blanket_pd" policy="Duplicate"/>
    <policy field="blanket_days" policy="Duplicate"/>
    <policy field="blanket_persons" policy="Duplicate"/>
    <policy field="blanket_short" policy="Duplicate"/>
    <policy field="blanket_partner" policy="Duplicate"/>
    <policy field="days_min" policy="Duplicate"/>
    <policy field="limiting_item" policy="Duplicate"/>
    <policy field="meets_horizon" policy="Duplicate"/>
    <policy field="battery_kwh" policy="Duplicate"/>
    <policy field="battery_soc" policy="Duplicate"/>
    <policy field="kwh_now" policy="Duplicate"/>
    <policy field="critical_load_kw" policy="Duplicate"/>
    <policy field="hours_now" policy="Duplicate"/>
    <policy field="scenario_date" policy="Duplicate"/>
    <policy field="profile" policy="Duplicate"/>
    <policy field="horizon_days" policy="Duplicate"/>
  </splitPolicies>
  <duplicatePolicies>
    <policy field="shelter_id" policy="Duplicate"/>
    <policy field="name" policy="Duplicate"/>
    <policy field="evacuees" policy="Duplicate"/>
    <policy field="district" policy="Duplicate"/>
    <policy field="water_units" policy="Duplicate"/>
    <policy field="water_pd" policy="Duplicate"/>
    <policy field="water_days" policy="Duplicate"/>
    <policy field="water_persons" policy="Duplicate"/>
    <policy field="water_short" policy="Duplicate"/>
    <policy field="water_partner" policy="Duplicate"/>
    <policy field="meals_units" policy="Duplicate"/>
    <policy field="meals_pd" policy="Duplicate"/>
    <policy field="meals_days" policy="Duplicate"/>
    <policy field="meals_persons" policy="Duplicate"/>
    <policy field="meals_short" policy="Duplicate"/>
    <policy field="meals_partner" policy="Duplicate"/>
    <policy field="portable_toilet_units" policy="Duplicate"/>
    <policy field="portable_toilet_pd" policy="Duplicate"/>
    <policy field="portable_toilet_days" policy="Duplicate"/>
    <policy field="portable_toilet_persons" policy="Duplicate"/>
    <policy field="portable_toilet_short" policy="Duplicate"/>
    <policy field="portable_toilet_partner" policy="Duplicate"/>
    <policy field="infant_diaper_units" policy="Duplicate"/>
    <policy field="infant_diaper_pd" policy="Duplicate"/>
    <policy field="infant_diaper_days" policy="Duplicate"/>
    <policy field="infant_diaper_persons" policy="Duplicate"/>
    <policy field="infant_diaper_short" policy="Duplicate"/>
    <policy field="infant_diaper_partner" policy="Duplicate"/>
    <policy field="adult_diaper_units" policy="Duplicate"/>
    <policy field="adult_diaper_pd" policy="Duplicate"/>
    <policy field="adult_diaper_days" policy="Duplicate"/>
    <policy field="adult_diaper_persons" policy="Duplicate"/>
    <policy field="adult_diaper_short" policy="Duplicate"/>
    <policy field="adult_diaper_partner" policy="Duplicate"/>
    <policy field="blanket_units" policy="Duplicate"/>
    <policy field="blanket_pd" policy="Duplicate"/>
    <policy field="blanket_days" policy="Duplicate"/>
    <policy field="blanket_persons" policy="Duplicate"/>
    <policy field="blanket_short" policy="Duplicate"/>
    <policy field="blanket_partner" policy="Duplicate"/>
    <policy field="days_min" policy="Duplicate"/>
    <policy field="limiting_item" policy="Duplicate"/>
    <policy field="meets_horizon" policy="Duplicate"/>
    <policy field="battery_kwh" policy="Duplicate"/>
    <policy field="battery_soc" policy="Duplicate"/>
    <policy field="kwh_now" policy="Duplicate"/>
    <policy field="critical_load_kw" policy="Duplicate"/>
    <policy field="hours_now" policy="Duplicate"/>
    <policy field="scenario_date" policy="Duplicate"/>
    <policy field="profile" policy="Duplicate"/>
    <policy field="horizon_days" policy="Duplicate"/>
  </duplicatePolicies>
  <defaults>
    <default field="shelter_id" expression="" applyOnUpdate="0"/>
    <default field="name" expression="" applyOnUpdate="0"/>
    <default field="evacuees" expression="" applyOnUpdate="0"/>
    <default field="district" expression="" applyOnUpdate="0"/>
    <default field="water_units" expression="" applyOnUpdate="0"/>
    <default field="water_pd" expression="" applyOnUpdate="0"/>
    <default field="water_days" expression="" applyOnUpdate="0"/>
    <default field="water_persons" expression="" applyOnUpdate="0"/>
    <default field="water_short" expression="" applyOnUpdate="0"/>
    <default field="water_partner" expression="" applyOnUpdate="0"/>
    <default field="meals_units" expression="" applyOnUpdate="0"/>
    <default field="meals_pd" expression="" applyOnUpdate="0"/>
    <default field="meals_days" expression="" applyOnUpdate="0"/>
    <default field="meals_persons" expression="" applyOnUpdate="0"/>
    <default field="meals_short" expression="" applyOnUpdate="0"/>
    <default field="meals_partner" expression="" applyOnUpdate="0"/>
    <default field="portable_toilet_units" expression="" applyOnUpdate="0"/>
    <default field="portable_toilet_pd" expression="" applyOnUpdate="0"/>
    <default field="portable_toilet_days" expression="" applyOnUpdate="0"/>
    <default field="portable_toilet_persons" expression="" applyOnUpdate="0"/>
    <default field="portable_toilet_short" expression="" applyOnUpdate="0"/>
    <default field="portable_toilet_partner" expression="" applyOnUpdate="0"/>
    <default field="infant_diaper_units" expression="" applyOnUpdate="0"/>
    <default field="infant_diaper_pd" expression="" applyOnUpdate="0"/>
    <default field="infant_diaper_days" expression="" applyOnUpdate="0"/>
    <default field="infant_diaper_persons" expression="" applyOnUpdate="0"/>
    <default field="infant_diaper_short" expression="" applyOnUpdate="0"/>
    <default field="infant_diaper_partner" expression="" applyOnUpdate="0"/>
    <default field="adult_diaper_units" expression="" applyOnUpdate="0"/>
    <default field="adult_diaper_pd" expression="" applyOnUpdate="0"/>
    <default field="adult_diaper_days" expression="" applyOnUpdate="0"/>
    <default field="adult_diaper_persons" expression="" applyOnUpdate="0"/>
    <default field="adult_diaper_short" expression="" applyOnUpdate="0"/>
    <default field="adult_diaper_partner" expression="" applyOnUpdate="0"/>
    <default field="blanket_units" expression="" applyOnUpdate="0"/>
    <default field="blanket_pd" expression="" applyOnUpdate="0"/>
    <default field="blanket_days" expression="" applyOnUpdate="0"/>
    <default field="blanket_persons" expression="" applyOnUpdate="0"/>
    <default field="blanket_short" expression="" applyOnUpdate="0"/>
    <default field="blanket_partner" expression="" applyOnUpdate="0"/>
    <default field="days_min" expression="" applyOnUpdate="0"/>
    <default field="limiting_item" expression="" applyOnUpdate="0"/>
    <default field="meets_horizon" expression="" applyOnUpdate="0"/>
    <default field="battery_kwh" expression="" applyOnUpdate="0"/>
    <default field="battery_soc" expression="" applyOnUpdate="0"/>
    <default field="kwh_now" expression="" applyOnUpdate="0"/>
    <default field="critical_load_kw" expression="" applyOnUpdate="0"/>
    <default field="hours_now" expression="" applyOnUpdate="0"/>
    <default field="scenario_date" expression="" applyOnUpdate="0"/>
    <default field="profile" expression="" applyOnUpdate="0"/>
    <default field="horizon_days" expression="" applyOnUpdate="0"/>
  </defaults>
  <constraints>
    <constraint field="shelter_id" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="name" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="evacuees" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="district" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="water_units" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="water_pd" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="water_days" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="water_persons" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="water_short" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="water_partner" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="meals_units" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="meals_pd" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="meals_days" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="meals_persons" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="meals_short" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="meals_partner" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="portable_toilet_units" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="portable_toilet_pd" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="portable_toilet_days" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="portable_toilet_persons" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="portable_toilet_short" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="portable_toilet_partner" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="infant_diaper_units" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="infant_diaper_pd" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="infant_diaper_days" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="infant_diaper_persons" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="infant_diaper_short" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="infant_diaper_partner" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="adult_diaper_units" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="adult_diaper_pd" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="adult_diaper_days" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="adult_diaper_persons" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="adult_diaper_short" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="adult_diaper_partner" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="blanket_units" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="blanket_pd" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="blanket_days" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="blanket_persons" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="blanket_short" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="blanket_partner" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="days_min" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="limiting_item" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="meets_horizon" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="battery_kwh" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="battery_soc" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="kwh_now" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="critical_load_kw" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="hours_now" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="scenario_date" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="profile" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="horizon_days" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="shelter_id" exp="" desc=""/>
    <constraint field="name" exp="" desc=""/>
    <constraint field="evacuees" exp="" desc=""/>
    <constraint field="district" exp="" desc=""/>
    <constraint field="water_units" exp="" desc=""/>
    <constraint field="water_pd" exp="" desc=""/>
    <constraint field="water_days" exp="" desc=""/>
    <constraint field="water_persons" exp="" desc=""/>
    <constraint field="water_short" exp="" desc=""/>
    <constraint field="water_partner" exp="" desc=""/>
    <constraint field="meals_units" exp="" desc=""/>
    <constraint field="meals_pd" exp="" desc=""/>
    <constraint field="meals_days" exp="" desc=""/>
    <constraint field="meals_persons" exp="" desc=""/>
    <constraint field="meals_short" exp="" desc=""/>
    <constraint field="meals_partner" exp="" desc=""/>
    <constraint field="portable_toilet_units" exp="" desc=""/>
    <constraint field="portable_toilet_pd" exp="" desc=""/>
    <constraint field="portable_toilet_days" exp="" desc=""/>
    <constraint field="portable_toilet_persons" exp="" desc=""/>
    <constraint field="portable_toilet_short" exp="" desc=""/>
    <constraint field="portable_toilet_partner" exp="" desc=""/>
    <constraint field="infant_diaper_units" exp="" desc=""/>
    <constraint field="infant_diaper_pd" exp="" desc=""/>
    <constraint field="infant_diaper_days" exp="" desc=""/>
    <constraint field="infant_diaper_persons" exp="" desc=""/>
    <constraint field="infant_diaper_short" exp="" desc=""/>
    <constraint field="infant_diaper_partner" exp="" desc=""/>
    <constraint field="adult_diaper_units" exp="" desc=""/>
    <constraint field="adult_diaper_pd" exp="" desc=""/>
    <constraint field="adult_diaper_days" exp="" desc=""/>
    <constraint field="adult_diaper_persons" exp="" desc=""/>
    <constraint field="adult_diaper_short" exp="" desc=""/>
    <constraint field="adult_diaper_partner" exp="" desc=""/>
    <constraint field="blanket_units" exp="" desc=""/>
    <constraint field="blanket_pd" exp="" desc=""/>
    <constraint field="blanket_days" exp="" desc=""/>
    <constraint field="blanket_persons" exp="" desc=""/>
    <constraint field="blanket_short" exp="" desc=""/>
    <constraint field="blanket_partner" exp="" desc=""/>
    <constraint field="days_min" exp="" desc=""/>
    <constraint field="limiting_item" exp="" desc=""/>
    <constraint field="meets_horizon" exp="" desc=""/>
    <constraint field="battery_kwh" exp="" desc=""/>
    <constraint field="battery_soc" exp="" desc=""/>
    <constraint field="kwh_now" exp="" desc=""/>
    <constraint field="critical_load_kw" exp="" desc=""/>
    <constraint field="hours_now" exp="" desc=""/>
    <constraint field="scenario_date" exp="" desc=""/>
    <constraint field="profile" exp="" desc=""/>
    <constraint field="horizon_days" exp="" desc=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortOrder="0" actionWidgetStyle="dropDown" sortExpression="">
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
