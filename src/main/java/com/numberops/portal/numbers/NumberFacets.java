package com.numberops.portal.numbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.users.Team;
import com.numberops.portal.users.Teams;

/**
 * What the inventory's filters offer: the fixed value lists of the record (in the seed's order)
 * and the values actually present in the viewer's part of the mirror (regions, SMS service plans,
 * 10DLC and business campaigns). A distinct over a million rows costs too much for every page
 * view, so those are read at most once a minute per team scope.
 */
@Service
public class NumberFacets {

	/** A distinct list longer than this is no use in a drop-down; the rest stays reachable by URL. */
	public static final int MAX_VALUES = 300;

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

	/** Seed 003's SMS warmup states, in its order. */
	public static final List<String> WARMUP_STATES = WarmupState.labels();

	/** Seed 003's call warmup states, in its order. */
	public static final List<String> CALL_WARMUP_STATES = CallWarmupState.labels();

	public static final List<String> NUMBER_TYPES = List.of("LOCAL", "MOBILE", "TOLL_FREE");

	public static final List<String> CAPABILITIES = List.of("SMS", "VOICE");

	/** The values present in the mirror for one team scope. */
	public record Present(List<String> regions, List<String> servicePlans, List<String> tenDlcCampaigns,
			List<String> campaigns) {
	}

	/** A provider account numbers can belong to, configured now or not (its numbers stay in the mirror). */
	public record Account(long id, String provider, String name, String ref) {

		/** "Sinch active numbers (sandbox-project)" */
		public String label() {
			return name + " (" + ref + ")";
		}
	}

	private record Cached(Instant readAt, Present present) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final Teams teams;

	private final Clock clock;

	private final Map<Set<Long>, Cached> cache = new ConcurrentHashMap<>();

	NumberFacets(NamedParameterJdbcTemplate jdbc, Teams teams, Clock clock) {
		this.jdbc = jdbc;
		this.teams = teams;
		this.clock = clock;
	}

	/** The teams a viewer may filter on: every team, or only the viewer's own. */
	@Transactional(readOnly = true)
	public List<Team> teams(Viewer viewer) {
		return teams.findAllByOrderByName()
			.stream()
			.filter(team -> !viewer.limited() || viewer.teamIds().contains(team.getId()))
			.toList();
	}

	/** Every provider account the mirror knows, by provider and reference. */
	@Transactional(readOnly = true)
	public List<Account> accounts() {
		return jdbc.query("select id, provider, name, account_ref from provider_accounts order by provider, account_ref",
				(rs, i) -> new Account(rs.getLong("id"), rs.getString("provider"), rs.getString("name"),
						rs.getString("account_ref")));
	}

	/** Regions, plans and campaigns present among the viewer's numbers, at most a minute old. */
	public Present present(Viewer viewer) {
		Instant now = clock.instant();
		Cached cached = cache.get(viewer.teamIds());
		if (cached != null && cached.readAt().plus(TIME_TO_LIVE).isAfter(now)) {
			return cached.present();
		}
		Present present = read(viewer);
		if (cache.size() > 200) {
			// one entry per distinct team scope; a flood of scopes just starts over
			cache.clear();
		}
		cache.put(viewer.teamIds(), new Cached(now, present));
		return present;
	}

	/** Forgets what was read (tests that change the mirror and want to see it at once). */
	public void forget() {
		cache.clear();
	}

	private Present read(Viewer viewer) {
		return new Present(regions(viewer), distinct(viewer, "sms_service_plan_id"),
				distinct(viewer, "ten_dlc_campaign_id"), distinct(viewer, "campaign_id"));
	}

	/** The few regions: one pass over the table (no index starts with country_code), hence the cache. */
	private List<String> regions(Viewer viewer) {
		MapSqlParameterSource params = new MapSqlParameterSource("max", MAX_VALUES);
		return jdbc.queryForList("select distinct country_code from phone_numbers p where country_code is not null and "
				+ viewer.condition(params) + " order by 1 limit :max", params, String.class);
	}

	/** The distinct non-null values of one indexed column that this viewer's numbers hold, in order. */
	private List<String> distinct(Viewer viewer, String column) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return LooseIndexScan.distinct(jdbc, column, viewer.condition(params), params, MAX_VALUES);
	}
}
