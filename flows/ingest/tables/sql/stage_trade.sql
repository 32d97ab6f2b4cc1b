-- Raw trade rows (trade_raw: the layout's SQL, inlined by trade_load.judge_batch; all text) typed,
-- mapped to ISO3 and HS, each with the reason it is left out (null when it loads). Parameters:
-- $value_scale, $weight_scale, $hs_revision (null: the file's own classification code). rn is the
-- record's position in the file. The code map and the HS reference are looked up (trade_lookups, one row, and
-- the ENUM type trade_hs_code: lookups.py), not joined: a hash join does not keep rows in file order, and the
-- whole-file pass (whole_file.py) numbers the lines by the order in which its parallel pass writes them.
with raw as (
    select * from trade_raw
),

lookups as (
    select * from trade_lookups
),

typed as (
    select
        raw.*,
        try_cast(trim(reporter_code) as integer) as reporter_n,
        try_cast(trim(partner_code) as integer) as partner_n,
        case upper(trim(flow_code))
            when 'X' then 'export' when '2' then 'export'
            when 'M' then 'import' when '1' then 'import'
            when 'RX' then 're-export' when '3' then 're-export'
            when 'RM' then 're-import' when '4' then 're-import'
        end as flow,
        -- a spreadsheet drops leading zeros ("401" for 0401): HS codes have an even number of digits.
        -- The length first (an odd length is never empty), so that the digit test runs only on odd codes; the
        -- digit test is a regular expression: ltrim(x, '0123456789') = '' costs 3-4 times as much in DuckDB
        case
            when upper(trim(cmd_code)) = 'TOTAL' then 'TOTAL'
            when length(trim(cmd_code)) % 2 = 1 and regexp_full_match(trim(cmd_code), '[0-9]+')
                then '0' || trim(cmd_code)
            else trim(cmd_code)
        end as hs_code,
        try_cast(left(trim(period), 4) as integer) as year,
        case when length(trim(period)) = 6 then try_cast(right(trim(period), 2) as integer) end
            as month,
        upper(coalesce(nullif(trim(freq), ''), case when length(trim(period)) = 6 then 'M' else 'A' end))
            as freq_code,
        try_cast(value as double) * $value_scale as value_usd,
        try_cast(cif_value as double) * $value_scale as cif_value_usd,
        try_cast(fob_value as double) * $value_scale as fob_value_usd,
        try_cast(net_weight as double) * $weight_scale as net_weight_kg,
        try_cast(qty as double) as quantity,
        nullif(trim(qty_unit), '') as quantity_unit,
        coalesce(nullif(trim(partner2_code), ''), '0') as partner2,
        coalesce(nullif(trim(mot_code), ''), '0') as mot,
        upper(coalesce(nullif(trim(customs_code), ''), 'C00')) as customs,
        upper(coalesce(trim(classification), 'HS')) as classification_code
    from raw
),

mapped as (
    select
        found.* exclude (rep, par, own_key, chapter_key),
        rep.iso3 as reporter_iso3,
        rep.country_key as reporter_key,
        rep.kind as reporter_kind,
        rep.name as reporter_name,
        par.iso3 as partner_iso3,
        par.country_key as partner_key,
        par.kind as partner_kind,
        par.name as partner_name,
        coalesce(own_key, chapter_key) as product_key,
        own_key is null and chapter_key is not null as product_rolled_up
    from (
        select
            typed.*,
            -- a code outside the list gives null, as a join finds no row (bigint: code + 1 never overflows)
            case when reporter_n >= 0 then list_extract(lookups.countries, cast(reporter_n as bigint) + 1) end
                as rep,
            case when partner_n >= 0 then list_extract(lookups.countries, cast(partner_n as bigint) + 1) end
                as par,
            list_extract(lookups.product_keys, 1 + enum_code(try_cast(hs_code as trade_hs_code))) as own_key,
            case
                when hs_code <> 'TOTAL'
                    then list_extract(lookups.product_keys, 1 + enum_code(try_cast(left(hs_code, 2) as trade_hs_code)))
            end as chapter_key
        from typed, lookups
    ) as found
),

judged as (
    select
        mapped.*,
        case
            when year is null or year not between 1950 and 2100
                or (length(trim(period)) not in (4, 6))
                or (month is not null and month not between 1 and 12)
                then 'period ''' || coalesce(period, '') || ''' is not a year (YYYY) or a month (YYYYMM)'
            when reporter_n is null
                then 'reporter code ''' || coalesce(reporter_code, '') || ''' is not a number'
            when reporter_kind is null
                then 'reporter code ' || reporter_n || ' is not in the country code map: not guessed'
            when reporter_iso3 is null
                then 'reporter ' || reporter_n || ' (' || reporter_name || ') is not a country but '
                    || case reporter_kind
                        when 'world' then 'the world total'
                        when 'aggregate' then 'a group of countries'
                        else 'an unallocated area'
                    end
            when partner_n is null
                then 'partner code ''' || coalesce(partner_code, '') || ''' is not a number'
            when partner_kind is null
                then 'partner code ' || partner_n || ' is not in the country code map: not guessed'
            when partner_kind = 'world'
                then 'partner ' || partner_n || ' (' || partner_name || ') is the total of the partner rows:'
                    || ' left out so no partner is counted twice'
            when partner_kind = 'aggregate'
                then 'partner ' || partner_n || ' (' || partner_name || ') is a group whose members report'
                    || ' on their own: left out so no partner is counted twice'
            when partner_iso3 is null
                then 'partner ' || partner_n || ' (' || partner_name || ') is not a country: trade the'
                    || ' reporter left unallocated'
            when reporter_iso3 = partner_iso3
                then 'reporter and partner are the same country (' || reporter_iso3 || ')'
            when flow is null
                then 'flow ''' || coalesce(flow_code, '') || ''' is not one of export, import, re-export,'
                    || ' re-import (a breakdown of one of them): left out so nothing is counted twice'
            when partner2 <> '0'
                then 'breakdown by second partner ' || partner2 || ': only the partner2Code 0 total is kept'
            when mot <> '0'
                then 'breakdown by mode of transport ' || mot || ': only the motCode 0 total is kept'
            when customs <> 'C00'
                then 'breakdown by customs procedure ' || customs || ': only the C00 total is kept'
            when freq_code not in ('A', 'M') or (freq_code = 'M') <> (month is not null)
                then 'frequency ''' || freq_code || ''' does not match period ''' || period || ''''
            when not (classification_code like 'H%')
                then 'classification ' || classification_code || ' is not the Harmonized System'
            when not coalesce(hs_code = 'TOTAL'
                    or (length(hs_code) in (2, 4, 6) and regexp_full_match(hs_code, '[0-9]+')), false)
                then 'commodity code ''' || coalesce(cmd_code, '') || ''' is not an HS code'
            when product_key is null
                then 'HS chapter ' || left(hs_code, 2) || ' is not in the HS reference'
            when value_usd is null and nullif(trim(value), '') is not null
                then 'trade value ''' || value || ''' is not a number'
            when value_usd is null
                then 'no trade value'
        end as reason
    from mapped
),

final as (
    select
        rn,
        reporter_key,
        reporter_iso3,
        partner_key,
        partner_iso3,
        flow,
        product_key,
        hs_code,
        product_rolled_up,
        coalesce(cast($hs_revision as varchar), classification_code) as hs_revision,
        freq_code as freq,
        year,
        month,
        case
            when year between 1950 and 2100 and coalesce(month, 1) between 1 and 12
                then make_date(year, coalesce(month, 1), 1)
        end as period_start,
        case
            when year between 1950 and 2100 and coalesce(month, 12) between 1 and 12
                then last_day(make_date(year, coalesce(month, 12), 1))
        end as period_end,
        value_usd,
        cif_value_usd,
        fob_value_usd,
        net_weight_kg,
        quantity,
        quantity_unit,
        coalesce(lower(estimated) = 'true', false) as is_estimated,
        reason,
        -- a hash of the natural key, to find duplicate rows cheaply
        hash(reporter_iso3, partner_iso3, flow, hs_code, freq_code, year, coalesce(month, 0)) as key_hash,
        case
            when reason is not null then to_json(struct_pack(
                reporter_code, partner_code, flow_code, classification, cmd_code, freq, period,
                value, cif_value, fob_value, net_weight, qty, qty_unit, partner2_code, mot_code,
                customs_code
            ))
        end as raw
    from judged
)

select * from final
