package com.numberops.portal.changes;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a confirmed batch's changes in the background, a chunk per run of the submit-batch task,
 * as the person who confirmed it (their role and teams as they are now: a person disabled
 * meanwhile makes nothing more). Each number's change commits on its own; a chunk's bookkeeping
 * (how far, what was skipped and why) commits after it, and a chunk run again after a restart
 * skips the numbers that already have their change in the batch, so each number is handled once.
 */
@Component
class BatchSubmitter {

	private static final Logger log = LoggerFactory.getLogger(BatchSubmitter.class);

	/** Numbers per run: a few seconds of work, so progress shows and a restart repeats little. */
	static final int CHUNK = 200;

	private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	private final NumberEdits edits;

	private final UserDetailsService users;

	private final JsonMapper json;

	private final Clock clock;

	BatchSubmitter(NamedParameterJdbcTemplate jdbc, NumberEdits edits, UserDetailsService users, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.edits = edits;
		this.users = users;
		this.json = json;
		this.clock = clock;
	}

	private record Pending(long id, List<Long> numberIds, int submitted, Edit edit, String requestedBy) {
	}

	/** Handles the next chunk of the batch; answers whether numbers remain. */
	boolean submitNext(long batchId) {
		List<Pending> found = jdbc.query("""
				select id, number_ids, submitted, edit, requested_by from change_batches
				where id = :id and submitted_at is null and edit is not null""", Map.of("id", batchId), (rs, row) -> {
			Array ids = rs.getArray("number_ids");
			Map<String, String> stored = new HashMap<>(json.readValue(rs.getString("edit"), STRINGS));
			ChangeKind kind = ChangeKind.valueOf(stored.remove("kind"));
			return new Pending(rs.getLong("id"), Arrays.asList((Long[]) ids.getArray()), rs.getInt("submitted"),
					Edit.of(kind, stored), rs.getString("requested_by"));
		});
		if (found.isEmpty()) {
			return false;
		}
		Pending batch = found.get(0);
		int end = Math.min(batch.numberIds().size(), batch.submitted() + CHUNK);
		List<Long> chunk = batch.numberIds().subList(batch.submitted(), end);
		List<BulkEdits.Skip> skips = new ArrayList<>();
		PortalPrincipal requester = requester(batch.requestedBy());
		if (requester == null) {
			chunk.forEach(id -> skips.add(new BulkEdits.Skip(id, "#" + id,
					"Not made: " + batch.requestedBy() + " can no longer make changes (removed or disabled).")));
		}
		else {
			Set<Long> done = new HashSet<>(jdbc.queryForList(
					"select phone_number_id from pending_changes where batch_id = :batch and phone_number_id = any(:ids)",
					new MapSqlParameterSource("batch", batchId).addValue("ids", chunk.toArray(Long[]::new)), Long.class));
			Map<Long, String> numbers = numbers(chunk);
			as(requester, () -> {
				for (long id : chunk) {
					if (!done.contains(id)) {
						submit(batch, id, numbers, skips);
					}
				}
				return null;
			});
		}
		boolean finished = end == batch.numberIds().size();
		jdbc.update("""
				update change_batches set submitted = :end, skipped = skipped + :skipped,
				    skipped_reasons = skipped_reasons || :reasons::jsonb,
				    total = (select count(*) from pending_changes where batch_id = :id),
				    submitted_at = case when :finished then :now::timestamptz end
				where id = :id and submitted = :from""", new MapSqlParameterSource("id", batchId).addValue("end", end)
			.addValue("skipped", skips.size())
			.addValue("reasons", json.writeValueAsString(skips))
			.addValue("finished", finished)
			.addValue("now", Timestamp.from(clock.instant()))
			.addValue("from", batch.submitted()));
		return !finished;
	}

	private void submit(Pending batch, long id, Map<Long, String> numbers, List<BulkEdits.Skip> skips) {
		// another team's number is named by its id only: the batch page must not tell its digits
		String number = numbers.getOrDefault(id, "#" + id);
		try {
			edits.submitInBatch(currentPrincipal(), id, batch.edit(), batch.id());
		}
		catch (EditRefused refused) {
			skips.add(new BulkEdits.Skip(id, number, refused.problems()
				.stream()
				.map(FieldProblem::message)
				.distinct()
				.collect(Collectors.joining(" "))));
		}
		catch (UnknownTarget gone) {
			skips.add(new BulkEdits.Skip(id, "#" + id, BulkEdits.NOT_VISIBLE));
		}
		catch (EditConflict conflict) {
			skips.add(new BulkEdits.Skip(id, number, conflict.getMessage()));
		}
		catch (AccessDeniedException denied) {
			skips.add(new BulkEdits.Skip(id, number, "Not made: the requester may no longer make this edit."));
		}
	}

	private Map<Long, String> numbers(List<Long> ids) {
		Map<Long, String> numbers = new HashMap<>();
		jdbc.query("select id, number from phone_numbers where id = any(:ids)",
				new MapSqlParameterSource("ids", ids.toArray(Long[]::new)),
				rs -> {
					numbers.put(rs.getLong(1), rs.getString(2));
				});
		return numbers;
	}

	private @Nullable PortalPrincipal requester(String username) {
		try {
			PortalPrincipal principal = (PortalPrincipal) users.loadUserByUsername(username);
			return principal.isEnabled() ? principal : null;
		}
		catch (UsernameNotFoundException gone) {
			log.warn("Batch requester {} no longer exists", username);
			return null;
		}
	}

	private static PortalPrincipal currentPrincipal() {
		return (PortalPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
	}

	/** Runs as that person: the service layer's own authorization applies, as in their request. */
	private static <T> T as(PortalPrincipal person, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
