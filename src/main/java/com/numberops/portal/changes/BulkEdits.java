package com.numberops.portal.changes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.FleetCounts;
import com.numberops.portal.numbers.NumberFilter;
import com.numberops.portal.numbers.NumberQueries;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One edit over many numbers: a dry run that says, number by number, what would change and what
 * would be left alone and why ({@link EditRules}, on the numbers read in one go); then the
 * batch itself, one {@code change_batches} row and, per eligible number, the very change a single
 * edit makes ({@link NumberEdits#submitInBatch}), so each is tracked, retried and cancelled like
 * any other. Only numbers the person may see are touched; others are skipped as not visible.
 *
 * <p>A confirmation only stores the batch (the numbers as confirmed, the edit) with its
 * submit-batch job, in one transaction, and answers at once: {@link BatchSubmitter} makes the
 * changes in the background, each committing on its own (a refusal of one must not roll back the
 * others). Things may change between the preview and then, so every number is checked again, and
 * a refusal is counted as skipped with its reason.
 */
@Service
public class BulkEdits {

	static final String NOT_VISIBLE = "Not visible to you (another team's number, or no such number).";

	private static final TypeReference<List<Skip>> SKIPS = new TypeReference<>() {
	};

	private final NumberEdits edits;

	private final NumberQueries queries;

	private final NamedParameterJdbcTemplate jdbc;

	private final ChangesProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final ChangeDispatch dispatch;

	private final PendingChanges changes;

	private final FleetCounts fleet;

	BulkEdits(NumberEdits edits, NumberQueries queries, NamedParameterJdbcTemplate jdbc, ChangesProperties properties,
			JsonMapper json, Clock clock, ChangeDispatch dispatch, PendingChanges changes, FleetCounts fleet) {
		this.fleet = fleet;
		this.dispatch = dispatch;
		this.changes = changes;
		this.edits = edits;
		this.queries = queries;
		this.jdbc = jdbc;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** One number of a dry run: the change it would get, or why it is left alone. */
	public record Item(long numberId, String number, String provider, String before, String after,
			@Nullable String skipReason) {

		public boolean willChange() {
			return skipReason == null;
		}
	}

	/**
	 * A reassignment that would push a 10DLC campaign past its limit: the carrier would refuse the
	 * links past it (EXCEEDED_10DLC_LIMIT), after the numbers' old plans were unlinked.
	 *
	 * @param linked numbers linked to it now, in every team (the carrier counts them all)
	 * @param newlyLinked numbers of this edit that would newly link to it
	 */
	public record CampaignOverLimit(String campaignId, long linked, long newlyLinked, int limit) {

		public String message() {
			return "10DLC campaign " + campaignId + " has " + linked + " numbers linked and this edit would link "
					+ newlyLinked + " more: " + (linked + newlyLinked) + " is over its limit of " + limit
					+ ". The carrier would refuse the links past the limit (EXCEEDED_10DLC_LIMIT).";
		}
	}

	/**
	 * The dry run of one edit over a selection.
	 *
	 * @param overLimit the 10DLC campaign this edit would push over its limit, if it would
	 * @param heldUntil a release: when the hold of a release confirmed now would end
	 */
	public record Preview(Edit edit, List<Item> items, @Nullable CampaignOverLimit overLimit,
			@Nullable Instant heldUntil) {

		public Preview(Edit edit, List<Item> items) {
			this(edit, items, null, null);
		}

		/** The warning to show before anything is sent, or null. */
		public @Nullable String capacityWarning() {
			return overLimit == null ? null : overLimit.message();
		}

		/** Numbers listed one by one; the counts and reasons above the list cover all of them. */
		public static final int LISTED = 500;

		/** The first {@link #LISTED} numbers: a 5,000-number page would help nobody read it. */
		public List<Item> listed() {
			return items.size() <= LISTED ? items : items.subList(0, LISTED);
		}

		/** How many numbers are not listed one by one. */
		public int unlisted() {
			return Math.max(0, items.size() - LISTED);
		}

		public List<Item> changing() {
			return items.stream().filter(Item::willChange).toList();
		}

		public List<Item> skipped() {
			return items.stream().filter(item -> !item.willChange()).toList();
		}

		/** Skipped numbers counted by reason, most frequent first. */
		public Map<String, Long> skippedByReason() {
			Map<String, Long> counts = skipped().stream()
				.collect(Collectors.groupingBy(Item::skipReason, LinkedHashMap::new, Collectors.counting()));
			return counts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
		}
	}

	/** A number a batch left alone, and why (kept as the batch's skipped_reasons). */
	public record Skip(long numberId, String number, String reason) {
	}

	/** A batch as the pages show it. */
	public record Batch(long id, ChangeKind kind, String summary, String selection, int total, int skipped,
			List<Skip> skippedReasons, @Nullable String requestedBy, Instant createdAt) {
	}

	/**
	 * Where a batch is: how many of its numbers have been handled (it is made in the background),
	 * and its changes' counts by state; done once every number is handled and no change is open.
	 *
	 * @param held releases still in their hold (pending until it ends), and when the first and last
	 *     of those holds end
	 */
	public record Progress(long batchId, int total, Map<ChangeState, Integer> counts, int requested, int submitted,
			int held, @Nullable Instant firstHoldEnds, @Nullable Instant lastHoldEnds) {

		public Progress(long batchId, int total, Map<ChangeState, Integer> counts, int requested, int submitted) {
			this(batchId, total, counts, requested, submitted, 0, null, null);
		}

		/**
		 * Everything made, and all that is open is held: nothing moves until a hold ends, so the page
		 * need not ask every few seconds.
		 */
		public boolean onlyHeld() {
			return !submitting() && held > 0 && open() == held;
		}

		/** Changes that failed or were applied in part: what "retry the failed ones" sends again. */
		public int failed() {
			return count(ChangeState.FAILED) + count(ChangeState.PARTIAL);
		}

		/** Its changes are still being made. */
		public boolean submitting() {
			return submitted < requested;
		}

		public int count(ChangeState state) {
			return counts.getOrDefault(state, 0);
		}

		public int open() {
			return counts.entrySet().stream().filter(e -> e.getKey().open()).mapToInt(Map.Entry::getValue).sum();
		}

		public int settled() {
			return total - open();
		}

		public boolean done() {
			return !submitting() && open() == 0;
		}

		/** Settled changes as a share of all (of the numbers confirmed, while they are being made). */
		public int percent() {
			if (submitting()) {
				return requested == 0 ? 0 : (int) Math.floor(settled() * 100.0 / requested);
			}
			return total == 0 ? 100 : (int) Math.floor(settled() * 100.0 / total);
		}
	}

	/** Refused before anything was looked at or changed: the selection itself is wrong. */
	public static class SelectionRefused extends RuntimeException {

		public SelectionRefused(String message) {
			super(message);
		}
	}

	public int limit() {
		return properties.bulkLimit();
	}

	/**
	 * The ids of every number this person may see that matches the filter, refused beyond the limit
	 * (one more than the limit is read to tell).
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	@Transactional(readOnly = true)
	public List<Long> matching(PortalPrincipal user, NumberFilter filter) {
		List<Long> ids = queries.ids(Viewer.of(user), filter, limit() + 1);
		if (ids.size() > limit()) {
			throw tooMany("More than " + limit());
		}
		if (ids.isEmpty()) {
			throw new SelectionRefused("No number matches this filter: there is nothing to edit.");
		}
		return ids;
	}

	/** A selection of ticked numbers, checked for size; only people who edit may start a bulk edit. */
	@PreAuthorize("hasRole('OPERATOR')")
	public List<Long> selected(PortalPrincipal user, Collection<Long> numberIds) {
		return checked(numberIds);
	}

	/**
	 * What the edit would do to each number, changing nothing. Its reads (the numbers, then their
	 * open changes) see one moment: in PostgreSQL each statement of a read-committed transaction
	 * sees the commits made before it started, so an edit committed between the two reads would be
	 * counted against the number as it was before that edit; a repeatable-read snapshot cannot fail
	 * a read-only transaction.
	 */
	@PreAuthorize("hasRole(#edit.kind().requiredRole().name())")
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Preview preview(PortalPrincipal user, Collection<Long> numberIds, Edit edit) {
		List<Long> ids = checked(numberIds);
		Map<Long, NumberSnapshot> numbers = edits.snapshots(user, ids);
		// two reads for the whole selection, then the same rules a single edit meets
		Map<Long, ChangeState> open = changes.openOfKind(numbers.keySet(), edit.kind());
		List<Item> items = new ArrayList<>(ids.size());
		for (long id : ids) {
			NumberSnapshot number = numbers.get(id);
			if (number == null) {
				items.add(new Item(id, "#" + id, "", "", edit.shownValue(), NOT_VISIBLE));
				continue;
			}
			List<FieldProblem> problems = EditRules.check(number, edit, open.get(id));
			items.add(new Item(id, number.number(), number.provider().label(), number.currentValue(edit.kind()),
					edit.shownValue(), problems.isEmpty() ? null : reason(problems)));
		}
		return new Preview(edit, List.copyOf(items), overLimit(edit, numbers, items),
				edit.kind() == ChangeKind.RELEASE ? edits.runsAt(ChangeKind.RELEASE, clock.instant()) : null);
	}

	/** Whether the numbers this edit would newly link to a 10DLC campaign push it over its limit. */
	private @Nullable CampaignOverLimit overLimit(Edit edit, Map<Long, NumberSnapshot> numbers, List<Item> items) {
		if (!(edit instanceof Edit.SmsAssignment sms) || sms.campaignId().isEmpty()) {
			return null;
		}
		String campaign = sms.campaignId();
		long newly = items.stream()
			.filter(Item::willChange)
			.map(item -> numbers.get(item.numberId()))
			.filter(number -> number != null && !campaign.equals(number.tenDlcCampaignId()))
			.count();
		long linked = fleet.linked(List.of(campaign)).getOrDefault(campaign, 0L);
		return newly > 0 && linked + newly > fleet.campaignLimit()
				? new CampaignOverLimit(campaign, linked, newly, fleet.campaignLimit()) : null;
	}

	/**
	 * Makes the batch: its row, then each number's change. Numbers refused now (whatever the preview
	 * said) are skipped with their reason.
	 *
	 * @return the batch's id
	 */
	@PreAuthorize("hasRole(#edit.kind().requiredRole().name())")
	@Transactional
	public long confirm(PortalPrincipal user, Collection<Long> numberIds, Edit edit, String selectionDescription) {
		List<Long> ids = checked(numberIds);
		Map<String, String> stored = new LinkedHashMap<>(edit.payload());
		stored.put("kind", edit.kind().name());
		Long batchId = jdbc.queryForObject("""
				insert into change_batches (kind, summary, selection, total, skipped, skipped_reasons, number_ids, edit,
				    requested, requested_by_id, requested_by, created_at)
				values (:kind, :summary, :selection, 0, 0, '[]'::jsonb, :ids, :edit::jsonb, :requested, :byId, :by, :now)
				returning id""", new MapSqlParameterSource("kind", edit.kind().name())
			.addValue("summary", edit.kind().label() + " → " + edit.shownValue())
			.addValue("selection", abbreviate(selectionDescription, 500))
			.addValue("ids", ids.toArray(Long[]::new))
			.addValue("edit", json.writeValueAsString(stored))
			.addValue("requested", ids.size())
			.addValue("byId", user.getUserId())
			.addValue("by", user.getUsername())
			.addValue("now", Timestamp.from(clock.instant())), Long.class);
		long batch = batchId == null ? 0 : batchId;
		// in this transaction: the batch and its job commit together, or neither does
		dispatch.submit(batch);
		return batch;
	}

	/**
	 * The numbers of batch {@code b} a team-limited viewer may see, in confirmation order (the first
	 * {@code b.submitted} have been handled): its numbers on their teams ({@link Viewer#condition}),
	 * less those it left alone because its requester could not see them: it never touched those, so
	 * it is none of that team's business (nor is who asked for it).
	 */
	private static final String PART = """
			select count(*) as requested, count(*) filter (where n.at <= b.submitted) as submitted,
			       coalesce(array_agg(n.id), '{}') as ids
			from unnest(b.number_ids) with ordinality as n(id, at) join phone_numbers p on p.id = n.id
			where %s and n.id not in (select (s ->> 'numberId')::bigint from jsonb_array_elements(b.skipped_reasons) s
			                          where s ->> 'reason' = :notVisible)""";

	/**
	 * A batch, if there is one with this id that this person may see. Someone limited to teams sees
	 * only its part on their teams' numbers (its changes, skips and counts of those alone; no part,
	 * no batch: a 404), so a batch over several teams tells nobody about another team's numbers.
	 */
	@Transactional(readOnly = true)
	public Optional<Batch> batch(PortalPrincipal user, long batchId) {
		return batches(Viewer.of(user), batchId, 1, true).stream().findFirst();
	}

	/** The most recent batches this person may see, newest first, each as {@link #batch} shows it. */
	@Transactional(readOnly = true)
	public List<Batch> recent(PortalPrincipal user, int limit) {
		return batches(Viewer.of(user), null, limit, false);
	}

	private List<Batch> batches(Viewer viewer, @Nullable Long batchId, int limit, boolean withReasons) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit).addValue("id", batchId);
		String only = batchId == null ? "true" : "b.id = :id";
		if (!viewer.limited()) {
			return jdbc.query("select * from change_batches b where " + only
					+ " order by b.created_at desc, b.id desc limit :limit", params,
					(rs, row) -> new Batch(rs.getLong("id"), ChangeKind.valueOf(rs.getString("kind")),
							rs.getString("summary"), rs.getString("selection"), rs.getInt("total"), rs.getInt("skipped"),
							withReasons ? skips(rs.getString("skipped_reasons")) : List.of(), rs.getString("requested_by"),
							rs.getTimestamp("created_at").toInstant()));
		}
		String scope = viewer.condition(params);
		params.addValue("notVisible", NOT_VISIBLE);
		// newest first before the part is worked out, so a list stops after its first matches
		return jdbc.query("""
				select b.*, part.requested as part_requested, part.ids as part_ids,
				       (select count(*) from pending_changes c join phone_numbers p on p.id = c.phone_number_id
				        where c.batch_id = b.id and %1$s) as part_total,
				       (select count(*) from jsonb_array_elements(b.skipped_reasons) s
				        where (s ->> 'numberId')::bigint = any(part.ids)) as part_skipped
				from (select * from change_batches b where %2$s order by b.created_at desc, b.id desc) b
				cross join lateral (%3$s) part
				where part.requested > 0
				order by b.created_at desc, b.id desc limit :limit""".formatted(scope, only, PART.formatted(scope)), params,
				(rs, row) -> {
					int part = rs.getInt("part_requested");
					String selection = part == rs.getInt("requested") ? rs.getString("selection")
							: part + (part == 1 ? " number" : " numbers") + " of your teams";
					List<Skip> skips = List.of();
					if (withReasons) {
						Set<Long> visible = new HashSet<>(Arrays.asList((Long[]) rs.getArray("part_ids").getArray()));
						skips = skips(rs.getString("skipped_reasons")).stream()
							.filter(skip -> visible.contains(skip.numberId()))
							.toList();
					}
					return new Batch(rs.getLong("id"), ChangeKind.valueOf(rs.getString("kind")), rs.getString("summary"),
							selection, rs.getInt("part_total"), rs.getInt("part_skipped"), skips,
							rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant());
				});
	}

	/** Counts of the batch's changes by state, and how far it has been made: of the part this person may see. */
	@Transactional(readOnly = true)
	public Progress progress(PortalPrincipal user, long batchId) {
		Viewer viewer = Viewer.of(user);
		MapSqlParameterSource params = new MapSqlParameterSource("id", batchId);
		String scope = viewer.condition(params);
		Map<ChangeState, Integer> counts = new EnumMap<>(ChangeState.class);
		jdbc.query("""
				select c.state, count(*) as n from pending_changes c join phone_numbers p on p.id = c.phone_number_id
				where c.batch_id = :id and %s group by c.state""".formatted(scope), params, rs -> {
			counts.put(ChangeState.valueOf(rs.getString("state")), rs.getInt("n"));
		});
		// a release waits, pending, for the end of its hold (NumberEdits#runsAt)
		params.addValue("now", Timestamp.from(clock.instant()));
		Map<String, Object> holds = jdbc.queryForMap("""
				select count(*) as held, min(c.next_attempt_at) as first, max(c.next_attempt_at) as last
				from pending_changes c join phone_numbers p on p.id = c.phone_number_id
				where c.batch_id = :id and c.kind = 'RELEASE' and c.state = 'PENDING' and c.next_attempt_at > :now
				  and %s""".formatted(scope), params);
		int total = counts.values().stream().mapToInt(Integer::intValue).sum();
		params.addValue("notVisible", NOT_VISIBLE);
		Map<String, Object> made = jdbc.queryForMap(viewer.limited()
				? "select part.requested, part.submitted from change_batches b cross join lateral (" + PART.formatted(scope)
						+ ") part where b.id = :id"
				: "select requested, submitted from change_batches where id = :id", params);
		return new Progress(batchId, total, counts, ((Number) made.get("requested")).intValue(),
				((Number) made.get("submitted")).intValue(), ((Number) holds.get("held")).intValue(),
				instant(holds.get("first")), instant(holds.get("last")));
	}

	/** The batch's changes of numbers this person may see, in the order they were made. */
	@Transactional(readOnly = true)
	public List<Change> changes(PortalPrincipal user, long batchId) {
		MapSqlParameterSource params = new MapSqlParameterSource("batch", batchId);
		String scope = Viewer.of(user).condition(params);
		return jdbc.query(PendingChanges.SELECT + " where c.batch_id = :batch and " + scope + " order by c.id", params,
				changes::change);
	}

	/** What a batch-wide action did: how many changes it acted on, and why the others were left. */
	public record Outcome(int done, List<String> refused) {
	}

	/**
	 * "Cancel the releases": each release of the batch still in its hold (or failed) is cancelled as
	 * its own Cancel release cancels it ({@link NumberEdits#cancel}, each in its own transaction, so
	 * one the dispatcher holds right now is left, said, without undoing the others). Admins only, as
	 * a release is; only the batch's part on this person's teams.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Outcome cancelReleases(PortalPrincipal user, long batchId) {
		Batch batch = batch(user, batchId).orElseThrow(() -> new UnknownTarget("Batch " + batchId));
		if (batch.kind() != ChangeKind.RELEASE) {
			throw new EditRefused("", "This bulk edit released no numbers: there is no release to cancel.");
		}
		if (progress(user, batchId).submitting()) {
			// a release made after this cancel would not be cancelled: cancel once all are made
			throw new EditRefused("", "The releases are still being made: cancel them once all are made (in a moment).");
		}
		List<Long> ids = ofBatch(user, batchId,
				"c.kind = 'RELEASE' and c.state in ('PENDING', 'FAILED', 'PARTIAL')");
		if (ids.isEmpty()) {
			throw new EditRefused("", "No release of this bulk edit can still be cancelled.");
		}
		return each(ids, id -> edits.cancel(user, id));
	}

	/**
	 * "Retry the failed ones": exactly the batch's failed and partly applied changes, each sent again
	 * as the Changes page's Retry sends it ({@link NumberEdits#retry}, each in its own transaction).
	 * Whoever may make the batch's kind of edit (a release: admins), on their teams' part of it.
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	public Outcome retryFailed(PortalPrincipal user, long batchId) {
		Batch batch = batch(user, batchId).orElseThrow(() -> new UnknownTarget("Batch " + batchId));
		if (!batch.kind().allows(user.getRole())) {
			throw new AccessDeniedException("Only " + batch.kind().requiredRole().label().toLowerCase(java.util.Locale.ROOT)
					+ "s may retry a " + EditRules.inSentence(batch.kind().label()) + " change.");
		}
		List<Long> ids = ofBatch(user, batchId, "c.state in ('FAILED', 'PARTIAL')");
		if (ids.isEmpty()) {
			throw new EditRefused("", "No change of this bulk edit has failed: there is nothing to retry.");
		}
		return each(ids, id -> edits.retry(user, id));
	}

	/** The ids of the batch's changes this person may see that meet the condition, in the order they were made. */
	private List<Long> ofBatch(PortalPrincipal user, long batchId, String condition) {
		MapSqlParameterSource params = new MapSqlParameterSource("batch", batchId);
		String scope = Viewer.of(user).condition(params);
		return jdbc.queryForList("""
				select c.id from pending_changes c join phone_numbers p on p.id = c.phone_number_id
				where c.batch_id = :batch and %s and %s order by c.id""".formatted(condition, scope), params, Long.class);
	}

	private static Outcome each(List<Long> changeIds, LongFunction<Change> action) {
		int done = 0;
		List<String> refused = new ArrayList<>();
		for (long id : changeIds) {
			try {
				action.apply(id);
				done++;
			}
			catch (EditRefused refusal) {
				refused.add(refusal.getMessage());
			}
		}
		return new Outcome(done, List.copyOf(refused));
	}

	private static @Nullable Instant instant(@Nullable Object value) {
		return value instanceof Timestamp timestamp ? timestamp.toInstant()
				: value instanceof OffsetDateTime offset ? offset.toInstant() : null;
	}

	private List<Long> checked(Collection<Long> numberIds) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(numberIds));
		if (ids.isEmpty()) {
			throw new SelectionRefused("No numbers are selected: tick some on the Numbers page, or use \"Bulk edit all that match\".");
		}
		if (ids.size() > limit()) {
			throw tooMany(String.valueOf(ids.size()));
		}
		return ids;
	}

	private SelectionRefused tooMany(String howMany) {
		return new SelectionRefused(howMany + " numbers are selected; one bulk edit covers at most " + limit()
				+ ". Narrow the filter, or edit them in several batches.");
	}

	private List<Skip> skips(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return json.readValue(text, SKIPS);
	}

	private static String reason(List<FieldProblem> problems) {
		return problems.stream().map(FieldProblem::message).distinct().collect(Collectors.joining(" "));
	}

	private static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
