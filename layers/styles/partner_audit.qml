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
        <layer pass="0" class="SimpleLine" locked="0" id="{6fd7faf2-9069-4a6c-9284-a18db8a35ed4}" enabled="1">
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
            <Option name="line_color" value="213,180,60,255,rgb:0.83529411764705885,0.70588235294117652,0.23529411764705882,1" type="QString"/>
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
        <layer pass="0" class="SimpleFill" locked="0" id="{ed6b12a6-f2ed-4051-9353-59ee93c4dbce}" enabled="1">
          <Option type="Map">
            <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="color" value="213,180,60,255,rgb:0.83529411764705885,0.70588235294117652,0.23529411764705882,1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="152,129,43,255,rgb:0.59662775616083008,0.50420386053253985,0.1680628671702144,1" type="QString"/>
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
        <layer pass="0" class="SimpleMarker" locked="0" id="{bcbcb8bb-9fa6-4359-b6ba-5b93b59e1787}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="213,180,60,255,rgb:0.83529411764705885,0.70588235294117652,0.23529411764705882,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="diamond" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="152,129,43,255,rgb:0.59662775616083008,0.50420386053253985,0.1680628671702144,1" type="QString"/>
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
  <renderer-v2 referencescale="-1" type="RuleRenderer" symbollevels="0" forceraster="0" enableorderby="0">
    <rules key="{cfc47fcc-6b1d-4393-b6fc-62680dd40493}">
      <rule label="協定数量不足" filter="&quot;under_committed&quot;" symbol="0" key="{943749fe-d9d7-4e9d-86ca-7df9f6ed3b34}"/>
      <rule label="確認が12か月超" filter="NOT &quot;under_committed&quot; AND &quot;stale&quot;" symbol="1" key="{0ec25b4c-9e0f-4636-84e5-03e905ccec03}"/>
      <rule label="協定どおり" filter="NOT &quot;under_committed&quot; AND NOT &quot;stale&quot;" symbol="2" key="{1bee9399-d505-4a62-a303-8969c5e573b8}"/>
    </rules>
    <symbols>
      <symbol name="0" clip_to_extent="1" type="marker" frame_rate="10" force_rhr="0" is_animated="0" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" class="SimpleMarker" locked="0" id="{0a968ffd-f7f5-4e9b-838d-a4ed997bd6b2}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="215,25,28,255,rgb:0.84313725490196079,0.09803921568627451,0.10980392156862745,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="triangle" type="QString"/>
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
        <layer pass="0" class="SimpleMarker" locked="0" id="{e3e84c9d-674b-46ed-a512-20d8e47c0d77}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="253,174,97,255,rgb:0.99215686274509807,0.68235294117647061,0.38039215686274508,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="triangle" type="QString"/>
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
        <layer pass="0" class="SimpleMarker" locked="0" id="{0bb8c2c9-026f-4165-bdec-c7a72a4d4e13}" enabled="1">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="26,150,65,255,rgb:0.10196078431372549,0.58823529411764708,0.25490196078431371,1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="triangle" type="QString"/>
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
    <field name="site_id" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="site_name" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="item" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="base_unit" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="reported" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="expired" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="committed" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="ratio" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="under_committed" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="gap" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="counted" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="verified_on" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="months_since_verified" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="stale" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="person_days" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="persons_for_horizon" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="audit_date" configurationFlags="NoFlag">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="拠点ID" field="site_id" index="0"/>
    <alias name="拠点名" field="site_name" index="1"/>
    <alias name="品目" field="item" index="2"/>
    <alias name="基本単位" field="base_unit" index="3"/>
    <alias name="報告在庫" field="reported" index="4"/>
    <alias name="期限切れ" field="expired" index="5"/>
    <alias name="協定数量" field="committed" index="6"/>
    <alias name="協定に対する在庫率" field="ratio" index="7"/>
    <alias name="協定数量不足" field="under_committed" index="8"/>
    <alias name="不足数量" field="gap" index="9"/>
    <alias name="算入数量" field="counted" index="10"/>
    <alias name="確認日" field="verified_on" index="11"/>
    <alias name="確認からの月数" field="months_since_verified" index="12"/>
    <alias name="要再確認" field="stale" index="13"/>
    <alias name="人日" field="person_days" index="14"/>
    <alias name="計画期間に支えられる人数" field="persons_for_horizon" index="15"/>
    <alias name="確認基準日" field="audit_date" index="16"/>
  </aliases>
  <splitPolicies>
    <policy field="site_id" policy="Duplicate"/>
    <policy field="site_name" policy="Duplicate"/>
    <policy field="item" policy="Duplicate"/>
    <policy field="base_unit" policy="Duplicate"/>
    <policy field="reported" policy="Duplicate"/>
    <policy field="expired" policy="Duplicate"/>
    <policy field="committed" policy="Duplicate"/>
    <policy field="ratio" policy="Duplicate"/>
    <policy field="under_committed" policy="Duplicate"/>
    <policy field="gap" policy="Duplicate"/>
    <policy field="counted" policy="Duplicate"/>
    <policy field="verified_on" policy="Duplicate"/>
    <policy field="months_since_verified" policy="Duplicate"/>
    <policy field="stale" policy="Duplicate"/>
    <policy field="person_days" policy="Duplicate"/>
    <policy field="persons_for_horizon" policy="Duplicate"/>
    <policy field="audit_date" policy="Duplicate"/>
  </splitPolicies>
  <duplicatePolicies>
    <policy field="site_id" policy="Duplicate"/>
    <policy field="site_name" policy="Duplicate"/>
    <policy field="item" policy="Duplicate"/>
    <policy field="base_unit" policy="Duplicate"/>
    <policy field="reported" policy="Duplicate"/>
    <policy field="expired" policy="Duplicate"/>
    <policy field="committed" policy="Duplicate"/>
    <policy field="ratio" policy="Duplicate"/>
    <policy field="under_committed" policy="Duplicate"/>
    <policy field="gap" policy="Duplicate"/>
    <policy field="counted" policy="Duplicate"/>
    <policy field="verified_on" policy="Duplicate"/>
    <policy field="months_since_verified" policy="Duplicate"/>
    <policy field="stale" policy="Duplicate"/>
    <policy field="person_days" policy="Duplicate"/>
    <policy field="persons_for_horizon" policy="Duplicate"/>
    <policy field="audit_date" policy="Duplicate"/>
  </duplicatePolicies>
  <defaults>
    <default field="site_id" expression="" applyOnUpdate="0"/>
    <default field="site_name" expression="" applyOnUpdate="0"/>
    <default field="item" expression="" applyOnUpdate="0"/>
    <default field="base_unit" expression="" applyOnUpdate="0"/>
    <default field="reported" expression="" applyOnUpdate="0"/>
    <default field="expired" expression="" applyOnUpdate="0"/>
    <default field="committed" expression="" applyOnUpdate="0"/>
    <default field="ratio" expression="" applyOnUpdate="0"/>
    <default field="under_committed" expression="" applyOnUpdate="0"/>
    <default field="gap" expression="" applyOnUpdate="0"/>
    <default field="counted" expression="" applyOnUpdate="0"/>
    <default field="verified_on" expression="" applyOnUpdate="0"/>
    <default field="months_since_verified" expression="" applyOnUpdate="0"/>
    <default field="stale" expression="" applyOnUpdate="0"/>
    <default field="person_days" expression="" applyOnUpdate="0"/>
    <default field="persons_for_horizon" expression="" applyOnUpdate="0"/>
    <default field="audit_date" expression="" applyOnUpdate="0"/>
  </defaults>
  <constraints>
    <constraint field="site_id" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="site_name" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="item" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="base_unit" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="reported" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="expired" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="committed" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="ratio" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="under_committed" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="gap" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="counted" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="verified_on" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="months_since_verified" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="stale" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="person_days" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="persons_for_horizon" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
    <constraint field="audit_date" constraints="0" exp_strength="0" unique_strength="0" notnull_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="site_id" exp="" desc=""/>
    <constraint field="site_name" exp="" desc=""/>
    <constraint field="item" exp="" desc=""/>
    <constraint field="base_unit" exp="" desc=""/>
    <constraint field="reported" exp="" desc=""/>
    <constraint field="expired" exp="" desc=""/>
    <constraint field="committed" exp="" desc=""/>
    <constraint field="ratio" exp="" desc=""/>
    <constraint field="under_committed" exp="" desc=""/>
    <constraint field="gap" exp="" desc=""/>
    <constraint field="counted" exp="" desc=""/>
    <constraint field="verified_on" exp="" desc=""/>
    <constraint field="months_since_verified" exp="" desc=""/>
    <constraint field="stale" exp="" desc=""/>
    <constraint field="person_days" exp="" desc=""/>
    <constraint field="persons_for_horizon" exp="" desc=""/>
    <constraint field="audit_date" exp="" desc=""/>
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
