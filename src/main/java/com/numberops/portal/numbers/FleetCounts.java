package com.numberops.portal.numbers;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.NumberFilter.Parameter;

/**
 * The fleet's counts, maintained, never scanned: statement triggers on {@code phone_numbers} append
 * what each write moved to delta tables (V16 says why that way), and every read here sums base and
 * deltas in one statement (one snapshot: exact whatever commits meanwhile). {@link #fold} moves
 * the deltas into the base; a recurring job calls it ({@link FleetJobs}). Reads stay a few
 * milliseconds at a million numbers (dashboard benchmark), where a GROUP BY of the table is 150-200.
 */
@Service
public class FleetCounts {

	private final NamedParameterJdbcTemplate jdbc;

	private final FleetProperties properties;

	FleetCounts(NamedParameterJdbcTemplate jdbc, FleetProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** One group of the counts: numbers alike in every counted column. */
	record Group(@Nullable Long teamId, long accountId, InventoryState state, NumberStatus status, WarmupState warmup,
			CallWarmupState callWarmup, @Nullable Integer callStage, long numbers) {
	}

	/** The fleet as this viewer may see it (a team-limited viewer: its teams' numbers only). */
	@Transactional(readOnly = true)
	public Fleet fleet(Viewer viewer) {
		return fleet(groups(viewer));
	}

	/**
	 * The fleet of each team (key null: the numbers of no team), for every team with numbers: what
	 * the trends' daily snapshot keeps, so a team-limited viewer's trend sums its own teams.
	 */
	@Transactional(readOnly = true)
	public Map<@Nullable Long, Fleet> fleetPerTeam() {
		Map<@Nullable Long, List<Group>> perTeam = new HashMap<>();
		for (Group group : groups(Viewer.jobs())) {
			perTeam.computeIfAbsent(group.teamId(), team -> new ArrayList<>()).add(group);
		}
		Map<@Nullable Long, Fleet> fleets = new HashMap<>();
		perTeam.forEach((team, groups) -> fleets.put(team, fleet(groups)));
		return fleets;
	}

	/** Numbers linked per 10DLC campaign that the viewer may see, fullest first (then by id). */
	@Transactional(readOnly = true)
	public List<CampaignLoad> campaignLoads(Viewer viewer) {
		return campaignLoads(viewer, Integer.MAX_VALUE);
	}

	/**
	 * The {@code first} fullest campaigns of {@link #campaignLoads(Viewer)}: what a page shows (a
	 * fleet of a million numbers has some 20,000 campaigns).
	 */
	@Transactional(readOnly = true)
	public List<CampaignLoad> campaignLoads(Viewer viewer, int first) {
		int limit = campaignLimit();
		MapSqlParameterSource params = new MapSqlParameterSource("first", first);
		if (first <= FEW && viewer.teamIds().size() <= 1) {
			// everyone, or one team: the first few from an index
			String team = viewer.limited() ? "team_id = :team" : "true";
			params.addValue("team", viewer.limited() ? viewer.teamIds().iterator().next() : null);
			return jdbc.query(viewer.limited() ? fullest("ten_dlc_counts", "ten_dlc_count_deltas", team)
					: fullest("ten_dlc_totals", "ten_dlc_total_deltas", team), params,
					(rs, i) -> new CampaignLoad(rs.getString(1), rs.getLong(2), limit));
		}
		// many (every campaign), or several teams: summed in one pass
		String scope = viewer.condition(params);
		String[] tables = viewer.limited() ? new String[] { "ten_dlc_counts", "ten_dlc_count_deltas" }
				: new String[] { "ten_dlc_totals", "ten_dlc_total_deltas" };
		return jdbc.query("""
				select campaign_id, sum(numbers) as numbers
				from (select campaign_id, numbers from %1$s p where %3$s
				      union all
				      select campaign_id, numbers from %2$s p where %3$s) c
				group by campaign_id having sum(numbers) > 0
				order by 2 desc, 1
				limit :first""".formatted(tables[0], tables[1], scope), params,
				(rs, i) -> new CampaignLoad(rs.getString(1), rs.getLong(2), limit));
	}

	private static final int FEW = 1_000;

	/**
	 * The fullest campaigns without summing them all: the folded index gives the first
	 * {@code first + k} (k: the campaigns the unfolded deltas touch), and only those and the touched
	 * ones are summed. Exact: a campaign outside both has no delta, so its count is its folded one,
	 * and at least {@code first} untouched campaigns of the index's first {@code first + k} come
	 * before it in the same order (most numbers, then id).
	 */
	private static String fullest(String folded, String deltas, String team) {
		return """
				with touched as (select distinct campaign_id from %2$s where %3$s),
				     candidates as (
				         (select campaign_id from %1$s where %3$s
				          order by numbers desc, campaign_id limit :first::bigint + (select count(*) from touched))
				         union
				         select campaign_id from touched),
				     summed as (
				         select c.campaign_id,
				                coalesce((select sum(numbers) from %1$s t where t.campaign_id = c.campaign_id and %3$s), 0)
				                + coalesce((select sum(numbers) from %2$s d where d.campaign_id = c.campaign_id and %3$s), 0)
				                    as numbers
				         from candidates c)
				select campaign_id, numbers from summed where numbers > 0
				order by numbers desc, campaign_id limit :first""".formatted(folded, deltas, team);
	}

	/**
	 * Numbers linked now to each of these campaigns, in every team: the carrier's limit counts
	 * them all (a bulk reassignment's dry run checks it). A campaign with none is absent.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> linked(Collection<String> campaignIds) {
		if (campaignIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> linked = new HashMap<>();
		jdbc.query("""
				select campaign_id, sum(numbers)
				from (select campaign_id, numbers from ten_dlc_totals where campaign_id = any(:ids)
				      union all
				      select campaign_id, numbers from ten_dlc_total_deltas where campaign_id = any(:ids)) c
				group by campaign_id having sum(numbers) > 0""",
				new MapSqlParameterSource("ids", campaignIds.toArray(String[]::new)),
				(RowCallbackHandler) rs -> linked.put(rs.getString(1), rs.getLong(2)));
		return linked;
	}

	/** Numbers a 10DLC campaign may have linked ({@code portal.fleet.campaign-limit}). */
	public int campaignLimit() {
		return properties.campaignLimit();
	}

	/**
	 * How many of this viewer's numbers the Numbers page lists for these parameters, when the
	 * counts hold the answer (a single SMS or call warmup state, a single provisioning error code);
	 * empty otherwise, for the caller to count the rows. Not Started includes the numbers that
	 * never warmed (no state), as the page's filter does.
	 */
	@Transactional(readOnly = true)
	public OptionalLong counted(Viewer viewer, Map<Parameter, String> parameters) {
		if (parameters.size() != 1) {
			return OptionalLong.empty();
		}
		Map.Entry<Parameter, String> only = parameters.entrySet().iterator().next();
		String column = switch (only.getKey()) {
			case WARMUP -> WarmupState.labels().contains(only.getValue()) ? "warmup_state" : null;
			case CALL_WARMUP -> CallWarmupState.labels().contains(only.getValue()) ? "call_warmup_state" : null;
			case PROVISIONING_ERROR -> "code";
			default -> null;
		};
		if (column == null) {
			return OptionalLong.empty();
		}
		MapSqlParameterSource params = new MapSqlParameterSource("value", only.getValue());
		String scope = viewer.condition(params);
		String matches = only.getValue().equals(WarmupState.NOT_STARTED.label()) && !column.equals("code")
				? "(%1$s = :value or %1$s is null)".formatted(column) : column + " = :value";
		String[] tables = column.equals("code") ? new String[] { "provisioning_failures", "provisioning_failure_deltas" }
				: new String[] { "fleet_counts", "fleet_count_deltas" };
		Long sum = jdbc.queryForObject("""
				select coalesce(sum(numbers), 0)
				from (select numbers from %1$s p where %3$s and %4$s
				      union all
				      select numbers from %2$s p where %3$s and %4$s) c""".formatted(tables[0], tables[1], matches, scope),
				params, Long.class);
		return OptionalLong.of(sum == null ? 0 : sum);
	}

	/**
	 * This viewer's numbers whose provisioning failed, per carrier error code (a number once per
	 * code it failed with), the code with the most first, then by code; codes with none are absent.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> provisioningFailures(Viewer viewer) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String scope = viewer.condition(params);
		Map<String, Long> codes = new LinkedHashMap<>();
		jdbc.query("""
				select code, sum(numbers)
				from (select code, numbers from provisioning_failures p where %1$s
				      union all
				      select code, numbers from provisioning_failure_deltas p where %1$s) c
				group by code having sum(numbers) > 0
				order by 2 desc, 1""".formatted(scope), params,
				(RowCallbackHandler) rs -> codes.put(rs.getString(1), rs.getLong(2)));
		return codes;
	}

	/** Numbers added (first seen) and released (entering Released) on one UTC day. */
	public record Flow(long added, long released) {
	}

	/** Numbers added and released per UTC day from {@code from} on, as this viewer may see them. */
	@Transactional(readOnly = true)
	public Map<LocalDate, Flow> flows(Viewer viewer, LocalDate from) {
		MapSqlParameterSource params = new MapSqlParameterSource("from", Date.valueOf(from));
		String scope = viewer.condition(params);
		Map<LocalDate, Flow> flows = new TreeMap<>();
		jdbc.query("""
				select day, sum(added), sum(released)
				from (select day, added, released from fleet_flows p where day >= :from and %1$s
				      union all
				      select day, added, released from fleet_flow_deltas p where day >= :from and %1$s) f
				group by day""".formatted(scope), params,
				(RowCallbackHandler) rs -> flows.put(rs.getDate(1).toLocalDate(), new Flow(rs.getLong(2), rs.getLong(3))));
		return flows;
	}

	/**
	 * Moves the deltas into the base, in one transaction: a read sums the same before and after.
	 * Each delete takes only the deltas this transaction sees; deltas of transactions still open
	 * stay for the next fold. Two folds at once (db-scheduler runs one) would still be exact: the
	 * second skips the deltas the first deleted. Answers how many deltas were folded.
	 */
	@Transactional
	public int fold() {
		MapSqlParameterSource none = new MapSqlParameterSource();
		int folded = jdbc.update("""
				with moved as (
				    delete from fleet_count_deltas
				    returning team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state,
				              call_warmup_stage, numbers)
				insert into fleet_counts (team_id, provider_account_id, inventory_state, status, warmup_state,
				                          call_warmup_state, call_warmup_stage, numbers)
				select team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state,
				       call_warmup_stage, sum(numbers)
				from moved group by 1, 2, 3, 4, 5, 6, 7
				on conflict on constraint fleet_counts_group do update set numbers = fleet_counts.numbers + excluded.numbers""",
				none);
		jdbc.update("delete from fleet_counts where numbers = 0", none);
		folded += jdbc.update("""
				with moved as (delete from ten_dlc_count_deltas returning team_id, campaign_id, numbers)
				insert into ten_dlc_counts (team_id, campaign_id, numbers)
				select team_id, campaign_id, sum(numbers) from moved group by 1, 2
				on conflict on constraint ten_dlc_counts_group do update set numbers = ten_dlc_counts.numbers + excluded.numbers""",
				none);
		jdbc.update("delete from ten_dlc_counts where numbers = 0", none);
		folded += jdbc.update("""
				with moved as (delete from ten_dlc_total_deltas returning campaign_id, numbers)
				insert into ten_dlc_totals (campaign_id, numbers)
				select campaign_id, sum(numbers) from moved group by 1
				on conflict (campaign_id) do update set numbers = ten_dlc_totals.numbers + excluded.numbers""", none);
		jdbc.update("delete from ten_dlc_totals where numbers = 0", none);
		folded += jdbc.update("""
				with moved as (delete from provisioning_failure_deltas returning team_id, code, numbers)
				insert into provisioning_failures (team_id, code, numbers)
				select team_id, code, sum(numbers) from moved group by 1, 2
				on conflict on constraint provisioning_failures_group do update
				    set numbers = provisioning_failures.numbers + excluded.numbers""", none);
		jdbc.update("delete from provisioning_failures where numbers = 0", none);
		folded += jdbc.update("""
				with moved as (delete from fleet_flow_deltas returning day, team_id, added, released)
				insert into fleet_flows (day, team_id, added, released)
				select day, team_id, sum(added), sum(released) from moved group by 1, 2
				on conflict on constraint fleet_flows_group do update
				    set added = fleet_flows.added + excluded.added, released = fleet_flows.released + excluded.released""",
				none);
		return folded;
	}

	/** Base and deltas summed per group, in one statement; groups that sum to nothing are left out. */
	private List<Group> groups(Viewer viewer) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String scope = viewer.condition(params);
		String columns = "team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state, call_warmup_stage";
		return jdbc.query("""
				select %1$s, sum(numbers) as numbers
				from (select %1$s, numbers from fleet_counts p where %2$s
				      union all
				      select %1$s, numbers from fleet_count_deltas p where %2$s) c
				group by 1, 2, 3, 4, 5, 6, 7 having sum(numbers) <> 0""".formatted(columns, scope), params,
				(rs, i) -> new Group((Long) rs.getObject("team_id"), rs.getLong("provider_account_id"),
						InventoryState.fromValue(rs.getString("inventory_state")), NumberStatus.fromValue(rs.getString("status")),
						WarmupState.of(rs.getString("warmup_state")), CallWarmupState.of(rs.getString("call_warmup_state")),
						(Integer) (rs.getObject("call_warmup_stage") == null ? null : rs.getInt("call_warmup_stage")),
						rs.getLong("numbers")));
	}

	private Fleet fleet(List<Group> groups) {
		long total = groups.stream().mapToLong(Group::numbers).sum();
		Map<Integer, Long> stages = new LinkedHashMap<>();
		Fleet.CALL_STAGES.forEach(stage -> stages.put(stage, 0L));
		groups.stream()
			.filter(group -> group.callStage() != null && stages.containsKey(group.callStage()))
			.forEach(group -> stages.merge(group.callStage(), group.numbers(), Long::sum));
		return new Fleet(total, perValue(groups, InventoryState.class, Group::state),
				perValue(groups, NumberStatus.class, Group::status), accounts(groups), teams(groups),
				perValue(groups, WarmupState.class, Group::warmup), perValue(groups, CallWarmupState.class, Group::callWarmup),
				stages);
	}

	private static <E extends Enum<E>> Map<E, Long> perValue(List<Group> groups, Class<E> type, Function<Group, E> value) {
		Map<E, Long> counts = new EnumMap<>(type);
		for (E each : type.getEnumConstants()) {
			counts.put(each, 0L);
		}
		groups.forEach(group -> counts.merge(value.apply(group), group.numbers(), Long::sum));
		return counts;
	}

	private List<Slice> accounts(List<Group> groups) {
		Map<Long, Long> counts = groups.stream()
			.collect(Collectors.groupingBy(Group::accountId, Collectors.summingLong(Group::numbers)));
		Map<Long, String> names = names("provider_accounts", counts.keySet());
		return counts.entrySet()
			.stream()
			.map(e -> new Slice(e.getKey(), names.getOrDefault(e.getKey(), "Account " + e.getKey()), e.getValue()))
			.sorted(BY_NAME)
			.toList();
	}

	private List<Slice> teams(List<Group> groups) {
		Map<@Nullable Long, Long> counts = new HashMap<>();
		groups.forEach(group -> counts.merge(group.teamId(), group.numbers(), Long::sum));
		Map<Long, String> names = names("teams", counts.keySet().stream().filter(id -> id != null).map(id -> (Long) id).toList());
		List<Slice> teams = new ArrayList<>();
		counts.forEach((id, count) -> {
			if (id != null && count != 0) {
				teams.add(new Slice(id, names.getOrDefault(id, "Team " + id), count));
			}
		});
		teams.sort(BY_NAME);
		Long none = counts.get(null);
		if (none != null && none != 0) {
			teams.add(new Slice(null, Slice.NO_TEAM, none));
		}
		return List.copyOf(teams);
	}

	private static final Comparator<Slice> BY_NAME = Comparator
		.comparing((Slice slice) -> slice.name().toLowerCase(Locale.ROOT))
		.thenComparing(slice -> slice.id() == null ? 0 : slice.id());

	private Map<Long, String> names(String table, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> names = new HashMap<>();
		jdbc.query("select id, name from " + table + " where id = any(:ids)",
				new MapSqlParameterSource("ids", ids.toArray(Long[]::new)),
				(RowCallbackHandler) rs -> names.put(rs.getLong(1), rs.getString(2)));
		return names;
	}
}
