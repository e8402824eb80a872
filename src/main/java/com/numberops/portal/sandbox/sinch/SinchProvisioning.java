package com.numberops.portal.sandbox.sinch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxProperties;

/**
 * Moves scheduled provisioning jobs on without sleeping: each job stores when it moves next
 * ({@code *_prov_next_at}); {@link #settleDue()} advances every job that is due, WAITING →
 * IN_PROGRESS → applied (values move directly under the configuration, the job disappears) or
 * FAILED (with its error code). It runs at the start of every Sinch sandbox request, so a client
 * sees exactly the state the delays imply, and from a sweeper every 250 ms, so that callbacks go
 * out even when nobody asks.
 *
 * <p>Every statement is idempotent and safe to run concurrently (each one only moves rows still in
 * the state it expects; finished rows are claimed with {@code skip locked}), so requests, the
 * sweeper and a second portal instance never settle a job twice. The moments are the scheduled
 * ones, not the moment somebody noticed: lastUpdatedTime does not depend on who settled it.
 */
@Component
@Conditional(SandboxConditions.Sinch.class)
class SinchProvisioning {

	private static final Logger log = LoggerFactory.getLogger(SinchProvisioning.class);

	private final JdbcClient jdbc;

	private final SandboxProperties properties;

	private final SinchCallbacks callbacks;

	private final Clock clock;

	SinchProvisioning(SandboxDatabase database, SandboxProperties properties, SinchCallbacks callbacks,
			Clock clock) {
		this.jdbc = database.jdbc();
		this.properties = properties;
		this.callbacks = callbacks;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 250, fixedDelay = 250)
	void sweep() {
		try {
			settleDue();
		}
		catch (RuntimeException failure) {
			log.warn("Sinch sandbox provisioning sweep failed: {}", failure.toString());
		}
	}

	/** A job that ended, as the statement that ended it reports it. */
	private record SmsSettled(String projectId, SinchNumber.Kind kind, String phoneNumber, @Nullable String callbackUrl,
			SinchRules.SmsTarget before, SinchRules.SmsTarget target, @Nullable String outcome, Instant at) {
	}

	private record VoiceSettled(String projectId, SinchNumber.Kind kind, String phoneNumber,
			@Nullable String callbackUrl, String targetAppId, @Nullable String outcome, Instant at) {
	}

	void settleDue() {
		Instant now = clock.instant();
		// the earliest due time of each kind, read off the partial indexes' first entries: the driver's
		// generic plan of "exists (... next_at <= :now)" guesses a third of the table due and, at
		// 700,000 Sinch numbers, gathered two parallel workers for every request (0.2 s under load,
		// instead of 0.05 ms: docs/benchmarks.md)
		boolean due = jdbc.sql("""
				select coalesce((select min(sms_prov_next_at) from sinch_numbers where sms_prov_next_at is not null) <= :now, false)
				    or coalesce((select min(voice_prov_next_at) from sinch_numbers where voice_prov_next_at is not null) <= :now, false)""")
			.param("now", SinchStore.odt(now))
			.query(Boolean.class)
			.single();
		if (!due) {
			return;
		}
		long inProgress = properties.provisioningInProgress().toMillis();
		jdbc.sql("""
				update sinch_numbers set sms_prov_status = 'IN_PROGRESS', sms_prov_last_updated = sms_prov_next_at,
				    sms_prov_next_at = sms_prov_next_at + cast(:inProgress as bigint) * interval '1 millisecond',
				    modified_at = :now
				where sms_prov_next_at is not null and sms_prov_status = 'WAITING' and sms_prov_next_at <= :now""")
			.param("inProgress", inProgress)
			.param("now", SinchStore.odt(now))
			.update();
		List<SmsSettled> sms = jdbc.sql("""
				with due as (
				    select project_id, kind, phone_number, sms_service_plan_id as old_plan,
				           sms_campaign_id as old_campaign, coalesce(sms_prov_service_plan_id, '') as target_plan,
				           coalesce(sms_prov_campaign_id, '') as target_campaign, sms_prov_outcome as outcome,
				           sms_prov_next_at as settled_at
				    from sinch_numbers
				    where sms_prov_status = 'IN_PROGRESS' and sms_prov_next_at <= :now
				    for update skip locked
				)
				update sinch_numbers n set
				    sms_service_plan_id = case when due.outcome is null then due.target_plan else n.sms_service_plan_id end,
				    sms_campaign_id = case when due.outcome is null then due.target_campaign else n.sms_campaign_id end,
				    sms_prov_service_plan_id = case when due.outcome is null then null else n.sms_prov_service_plan_id end,
				    sms_prov_campaign_id = case when due.outcome is null then null else n.sms_prov_campaign_id end,
				    sms_prov_status = case when due.outcome is null then null else 'FAILED' end,
				    sms_prov_error_codes = case when due.outcome is null then null else array[due.outcome] end,
				    sms_prov_last_updated = case when due.outcome is null then null else due.settled_at end,
				    sms_prov_next_at = null,
				    sms_prov_outcome = null,
				    modified_at = :now
				from due
				where n.project_id = due.project_id and n.kind = due.kind and n.phone_number = due.phone_number
				  and n.sms_prov_status = 'IN_PROGRESS' and n.sms_prov_next_at <= :now
				returning n.project_id, n.kind, n.phone_number, n.callback_url, due.old_plan, due.old_campaign,
				          due.target_plan, due.target_campaign, due.outcome, due.settled_at""")
			.param("now", SinchStore.odt(now))
			.query((rs, row) -> new SmsSettled(rs.getString("project_id"),
					SinchNumber.Kind.valueOf(rs.getString("kind")), rs.getString("phone_number"),
					rs.getString("callback_url"),
					new SinchRules.SmsTarget(rs.getString("old_plan"), rs.getString("old_campaign")),
					new SinchRules.SmsTarget(rs.getString("target_plan"), rs.getString("target_campaign")),
					rs.getString("outcome"), Objects.requireNonNull(SinchStore.instant(rs, "settled_at"))))
			.list();
		jdbc.sql("""
				update sinch_numbers set voice_prov_status = 'IN_PROGRESS', voice_prov_last_updated = voice_prov_next_at,
				    voice_prov_next_at = voice_prov_next_at + cast(:inProgress as bigint) * interval '1 millisecond',
				    modified_at = :now
				where voice_prov_next_at is not null and voice_prov_status = 'WAITING' and voice_prov_next_at <= :now""")
			.param("inProgress", inProgress)
			.param("now", SinchStore.odt(now))
			.update();
		List<VoiceSettled> voice = jdbc.sql("""
				with due as (
				    select project_id, kind, phone_number, coalesce(voice_prov_app_id, '') as target_app,
				           voice_prov_outcome as outcome, voice_prov_next_at as settled_at
				    from sinch_numbers
				    where voice_prov_status = 'IN_PROGRESS' and voice_prov_next_at <= :now
				    for update skip locked
				)
				update sinch_numbers n set
				    voice_app_id = case when due.outcome is null then due.target_app else n.voice_app_id end,
				    voice_last_updated = case when due.outcome is null then due.settled_at else n.voice_last_updated end,
				    voice_prov_app_id = case when due.outcome is null then null else n.voice_prov_app_id end,
				    voice_prov_status = case when due.outcome is null then null else 'FAILED' end,
				    voice_prov_last_updated = case when due.outcome is null then null else due.settled_at end,
				    voice_prov_next_at = null,
				    voice_prov_outcome = null,
				    modified_at = :now
				from due
				where n.project_id = due.project_id and n.kind = due.kind and n.phone_number = due.phone_number
				  and n.voice_prov_status = 'IN_PROGRESS' and n.voice_prov_next_at <= :now
				returning n.project_id, n.kind, n.phone_number, n.callback_url, due.target_app, due.outcome,
				          due.settled_at""")
			.param("now", SinchStore.odt(now))
			.query((rs, row) -> new VoiceSettled(rs.getString("project_id"),
					SinchNumber.Kind.valueOf(rs.getString("kind")), rs.getString("phone_number"),
					rs.getString("callback_url"), rs.getString("target_app"), rs.getString("outcome"),
					Objects.requireNonNull(SinchStore.instant(rs, "settled_at"))))
			.list();
		// the statements above have committed: only now may the world hear about it
		for (SmsSettled settled : sms) {
			for (SinchRules.Event event : SinchRules.smsEvents(settled.before(), settled.target(), settled.outcome())) {
				notify(settled.kind(), settled.projectId(), settled.phoneNumber(), settled.callbackUrl(), event,
						settled.at());
			}
		}
		for (VoiceSettled settled : voice) {
			notify(settled.kind(), settled.projectId(), settled.phoneNumber(), settled.callbackUrl(),
					SinchRules.voiceEvent(settled.targetAppId(), settled.outcome()), settled.at());
		}
	}

	private void notify(SinchNumber.Kind kind, String projectId, String phoneNumber, @Nullable String numberCallbackUrl,
			SinchRules.Event event, Instant at) {
		callbacks.send(numberCallbackUrl,
				SinchWire.callback(UUID.randomUUID().toString(), at, kind, projectId, phoneNumber, event));
	}
}
