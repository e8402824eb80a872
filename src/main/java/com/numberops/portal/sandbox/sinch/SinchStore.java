package com.numberops.portal.sandbox.sinch;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxDatabase;

/**
 * SQL on the simulated Sinch's tables (sandbox schema): numbers, their pages (keyset, so pages
 * stay stable while rows change) and the numbers on offer. Arrays travel as comma-joined text
 * (capabilities and error codes never contain commas).
 */
@Component
@Conditional(SandboxConditions.Sinch.class)
class SinchStore {

	private static final String NUMBER_COLUMNS = """
			project_id, kind, phone_number, display_name, region_code, type, capabilities, money_currency,
			money_amount, payment_interval_months, next_charge_date, expire_at, sms_service_plan_id,
			sms_campaign_id, sms_prov_service_plan_id, sms_prov_campaign_id, sms_prov_status,
			sms_prov_error_codes, sms_prov_last_updated, sms_prov_next_at, sms_prov_outcome, voice_app_id,
			voice_last_updated, voice_prov_app_id, voice_prov_status, voice_prov_last_updated,
			voice_prov_next_at, voice_prov_outcome, callback_url, migrate_to_sinch_tmo, modified_at""";

	private final JdbcClient jdbc;

	SinchStore(SandboxDatabase database) {
		this.jdbc = database.jdbc();
	}

	Optional<SinchNumber> find(String projectId, SinchNumber.Kind kind, String phoneNumber, boolean forUpdate) {
		return jdbc.sql("select " + NUMBER_COLUMNS + " from sinch_numbers"
				+ " where project_id = :project and kind = :kind and phone_number = :phone"
				+ (forUpdate ? " for update" : ""))
			.param("project", projectId)
			.param("kind", kind.name())
			.param("phone", phoneNumber)
			.query(SinchStore::number)
			.optional();
	}

	/** Whether the project holds any number (the sandbox's own project exists even when it holds none). */
	boolean projectExists(String projectId) {
		return jdbc.sql("select exists (select 1 from sinch_numbers where project_id = :project)")
			.param("project", projectId)
			.query(Boolean.class)
			.single();
	}

	/** The SMS service plans and campaigns the project has ({@code sinch_project_sms}: a handful of rows). */
	SinchRules.ProjectSms projectSms(String projectId) {
		Set<String> plans = new HashSet<>();
		Set<String> campaigns = new HashSet<>();
		jdbc.sql("select kind, id from sinch_project_sms where project_id = :project and kind <> 'VOICE_APP'")
			.param("project", projectId)
			.query(rs -> {
				("SERVICE_PLAN".equals(rs.getString("kind")) ? plans : campaigns).add(rs.getString("id"));
			});
		return new SinchRules.ProjectSms(plans, campaigns);
	}

	/** The voice apps the project has ({@code sinch_project_sms} rows of kind VOICE_APP). */
	Set<String> voiceApps(String projectId) {
		return Set.copyOf(jdbc.sql("select id from sinch_project_sms where project_id = :project and kind = 'VOICE_APP'")
			.param("project", projectId)
			.query(String.class)
			.list());
	}

	// ---------------------------------------------------------------- listing

	private JdbcClient.StatementSpec activeFilter(String select, String projectId, SinchRules.ActiveListQuery query,
			String tail) {
		StringBuilder where = new StringBuilder(
				" where project_id = :project and kind = 'ACTIVE' and region_code = :region and type = :type");
		if (query.pattern() != null) {
			where.append(" and phone_number like :like");
		}
		if (!query.capabilities().isEmpty()) {
			where.append(" and capabilities @> string_to_array(:caps, ',')");
		}
		JdbcClient.StatementSpec statement = jdbc.sql(select + " from sinch_numbers" + where + tail)
			.param("project", projectId)
			.param("region", query.regionCode())
			.param("type", query.type());
		if (query.pattern() != null) {
			statement = statement.param("like", query.pattern().like());
		}
		if (!query.capabilities().isEmpty()) {
			statement = statement.param("caps", String.join(",", query.capabilities()));
		}
		return statement;
	}

	long countActive(String projectId, SinchRules.ActiveListQuery query) {
		return activeFilter("select count(*)", projectId, query, "").query(Long.class).single();
	}

	/** One page plus one row more, which tells whether another page follows. */
	List<SinchNumber> activePage(String projectId, SinchRules.ActiveListQuery query) {
		String keyset;
		String order;
		if (query.orderBy() == SinchRules.OrderBy.DISPLAY_NAME) {
			// "C" collation: the same order whatever the database's locale
			keyset = " and (coalesce(display_name, '') collate \"C\", phone_number)"
					+ " > (cast(:afterKey as text) collate \"C\", cast(:afterPhone as text))";
			order = " order by coalesce(display_name, '') collate \"C\", phone_number";
		}
		else {
			keyset = " and phone_number > cast(:afterPhone as text)";
			order = " order by phone_number";
		}
		PageToken after = query.after();
		JdbcClient.StatementSpec statement = activeFilter("select " + NUMBER_COLUMNS, projectId, query,
				(after == null ? "" : keyset) + order + " limit :limit")
			.param("limit", query.pageSize() + 1);
		if (after != null) {
			statement = statement.param("afterPhone", after.phoneNumber());
			if (query.orderBy() == SinchRules.OrderBy.DISPLAY_NAME) {
				statement = statement.param("afterKey", after.sortKey());
			}
		}
		return statement.query(SinchStore::number).list();
	}

	private JdbcClient.StatementSpec importedFilter(String select, String projectId,
			SinchRules.ImportedListQuery query, String tail) {
		return jdbc.sql(select + " from sinch_numbers where project_id = :project and kind = 'IMPORTED'"
				+ " and sms_service_plan_id = :plan and sms_campaign_id = :campaign" + tail)
			.param("project", projectId)
			.param("plan", query.servicePlanId())
			.param("campaign", query.campaignId());
	}

	long countImported(String projectId, SinchRules.ImportedListQuery query) {
		return importedFilter("select count(*)", projectId, query, "").query(Long.class).single();
	}

	List<SinchNumber> importedPage(String projectId, SinchRules.ImportedListQuery query) {
		PageToken after = query.after();
		JdbcClient.StatementSpec statement = importedFilter("select " + NUMBER_COLUMNS, projectId, query,
				(after == null ? "" : " and phone_number > cast(:afterPhone as text)")
						+ " order by phone_number limit :limit")
			.param("limit", query.pageSize() + 1);
		if (after != null) {
			statement = statement.param("afterPhone", after.phoneNumber());
		}
		return statement.query(SinchStore::number).list();
	}

	// ---------------------------------------------------------------- changes

	/** Writes what a PATCH can change: display name, callback URL and both provisioning jobs. */
	void save(SinchNumber number) {
		SinchNumber.SmsJob sms = number.smsJob();
		SinchNumber.VoiceJob voice = number.voiceJob();
		jdbc.sql("""
				update sinch_numbers set
				    display_name = cast(:displayName as text),
				    callback_url = cast(:callbackUrl as text),
				    sms_prov_service_plan_id = cast(:smsPlan as text),
				    sms_prov_campaign_id = cast(:smsCampaign as text),
				    sms_prov_status = cast(:smsStatus as text),
				    sms_prov_error_codes = case when cast(:smsStatus as text) is null then null
				                                else string_to_array(cast(:smsErrors as text), ',') end,
				    sms_prov_last_updated = cast(:smsUpdated as timestamptz),
				    sms_prov_next_at = cast(:smsNextAt as timestamptz),
				    sms_prov_outcome = cast(:smsOutcome as text),
				    voice_prov_app_id = cast(:voiceApp as text),
				    voice_prov_status = cast(:voiceStatus as text),
				    voice_prov_last_updated = cast(:voiceUpdated as timestamptz),
				    voice_prov_next_at = cast(:voiceNextAt as timestamptz),
				    voice_prov_outcome = cast(:voiceOutcome as text),
				    modified_at = now()
				where project_id = :project and kind = :kind and phone_number = :phone""")
			.param("displayName", number.displayName())
			.param("callbackUrl", number.callbackUrl())
			.param("smsPlan", sms == null ? null : sms.servicePlanId())
			.param("smsCampaign", sms == null ? null : sms.campaignId())
			.param("smsStatus", sms == null ? null : sms.status())
			.param("smsErrors", sms == null ? "" : String.join(",", sms.errorCodes()))
			.param("smsUpdated", sms == null ? null : odt(sms.lastUpdated()))
			.param("smsNextAt", sms == null ? null : odt(sms.nextAt()))
			.param("smsOutcome", sms == null ? null : sms.outcome())
			.param("voiceApp", voice == null ? null : voice.appId())
			.param("voiceStatus", voice == null ? null : voice.status())
			.param("voiceUpdated", voice == null ? null : odt(voice.lastUpdated()))
			.param("voiceNextAt", voice == null ? null : odt(voice.nextAt()))
			.param("voiceOutcome", voice == null ? null : voice.outcome())
			.param("project", number.projectId())
			.param("kind", number.kind().name())
			.param("phone", number.phoneNumber())
			.update();
	}

	/** A rented number becomes active; the jobs of its rent request start with it. */
	void insert(SinchNumber number) {
		SinchNumber.SmsJob sms = number.smsJob();
		SinchNumber.VoiceJob voice = number.voiceJob();
		jdbc.sql("""
				insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type,
				    capabilities, money_currency, money_amount, payment_interval_months, next_charge_date, expire_at,
				    sms_service_plan_id, sms_campaign_id, sms_prov_service_plan_id, sms_prov_campaign_id,
				    sms_prov_status, sms_prov_error_codes, sms_prov_last_updated, sms_prov_next_at, sms_prov_outcome,
				    voice_app_id, voice_last_updated, voice_prov_app_id, voice_prov_status, voice_prov_last_updated,
				    voice_prov_next_at, voice_prov_outcome, callback_url, migrate_to_sinch_tmo)
				values (:project, :kind, :phone, cast(:displayName as text), :region, :type,
				    string_to_array(:caps, ','), :currency, :amount, :interval, cast(:nextCharge as timestamptz),
				    cast(:expireAt as timestamptz), :plan, :campaign, cast(:smsPlan as text),
				    cast(:smsCampaign as text), cast(:smsStatus as text),
				    case when cast(:smsStatus as text) is null then null else string_to_array(cast(:smsErrors as text), ',') end,
				    cast(:smsUpdated as timestamptz), cast(:smsNextAt as timestamptz), cast(:smsOutcome as text),
				    :voiceApp, cast(:voiceLastUpdated as timestamptz), cast(:voiceProvApp as text),
				    cast(:voiceStatus as text), cast(:voiceUpdated as timestamptz), cast(:voiceNextAt as timestamptz),
				    cast(:voiceOutcome as text), cast(:callbackUrl as text), :tmo)""")
			.param("project", number.projectId())
			.param("kind", number.kind().name())
			.param("phone", number.phoneNumber())
			.param("displayName", number.displayName())
			.param("region", number.regionCode())
			.param("type", number.type())
			.param("caps", String.join(",", number.capabilities()))
			.param("currency", number.currency())
			.param("amount", number.amount())
			.param("interval", number.paymentIntervalMonths())
			.param("nextCharge", odt(number.nextChargeDate()))
			.param("expireAt", odt(number.expireAt()))
			.param("plan", number.servicePlanId())
			.param("campaign", number.campaignId())
			.param("smsPlan", sms == null ? null : sms.servicePlanId())
			.param("smsCampaign", sms == null ? null : sms.campaignId())
			.param("smsStatus", sms == null ? null : sms.status())
			.param("smsErrors", sms == null ? "" : String.join(",", sms.errorCodes()))
			.param("smsUpdated", sms == null ? null : odt(sms.lastUpdated()))
			.param("smsNextAt", sms == null ? null : odt(sms.nextAt()))
			.param("smsOutcome", sms == null ? null : sms.outcome())
			.param("voiceApp", number.voiceAppId())
			.param("voiceLastUpdated", odt(number.voiceLastUpdated()))
			.param("voiceProvApp", voice == null ? null : voice.appId())
			.param("voiceStatus", voice == null ? null : voice.status())
			.param("voiceUpdated", voice == null ? null : odt(voice.lastUpdated()))
			.param("voiceNextAt", voice == null ? null : odt(voice.nextAt()))
			.param("voiceOutcome", voice == null ? null : voice.outcome())
			.param("callbackUrl", number.callbackUrl())
			.param("tmo", number.migrateToSinchTmo())
			.update();
	}

	void delete(SinchNumber number) {
		jdbc.sql("delete from sinch_numbers where project_id = :project and kind = :kind and phone_number = :phone")
			.param("project", number.projectId())
			.param("kind", number.kind().name())
			.param("phone", number.phoneNumber())
			.update();
	}

	/** Whether any project holds the number (a number is rented by one project at a time). */
	boolean activeAnywhere(String phoneNumber) {
		return jdbc.sql("select exists (select 1 from sinch_numbers where phone_number = :phone and kind = 'ACTIVE')")
			.param("phone", phoneNumber)
			.query(Boolean.class)
			.single();
	}

	// ---------------------------------------------------------------- on offer

	private static final String AVAILABLE_COLUMNS = "phone_number, region_code, type, capabilities, currency, "
			+ "setup_amount, monthly_amount, payment_interval_months, supporting_documentation_required";

	List<AvailableNumber> searchAvailable(SinchRules.AvailableQuery query) {
		StringBuilder where = new StringBuilder(" where region_code = :region and type = :type");
		if (query.pattern() != null) {
			where.append(" and phone_number like :like");
		}
		if (!query.capabilities().isEmpty()) {
			where.append(" and capabilities @> string_to_array(:caps, ',')");
		}
		JdbcClient.StatementSpec statement = jdbc
			.sql("select " + AVAILABLE_COLUMNS + " from sinch_available_numbers" + where
					+ " order by phone_number limit :limit")
			.param("region", query.regionCode())
			.param("type", query.type())
			.param("limit", query.size());
		if (query.pattern() != null) {
			statement = statement.param("like", query.pattern().like());
		}
		if (!query.capabilities().isEmpty()) {
			statement = statement.param("caps", String.join(",", query.capabilities()));
		}
		return statement.query(SinchStore::available).list();
	}

	Optional<AvailableNumber> findAvailable(String phoneNumber, boolean forUpdate) {
		return jdbc
			.sql("select " + AVAILABLE_COLUMNS + " from sinch_available_numbers where phone_number = :phone"
					+ (forUpdate ? " for update" : ""))
			.param("phone", phoneNumber)
			.query(SinchStore::available)
			.optional();
	}

	void deleteAvailable(String phoneNumber) {
		jdbc.sql("delete from sinch_available_numbers where phone_number = :phone").param("phone", phoneNumber).update();
	}

	// ---------------------------------------------------------------- mapping

	static SinchNumber number(ResultSet rs, int row) throws SQLException {
		Instant modified = Objects.requireNonNull(instant(rs, "modified_at"));
		String smsStatus = rs.getString("sms_prov_status");
		SinchNumber.SmsJob sms = smsStatus == null ? null
				: new SinchNumber.SmsJob(empty(rs.getString("sms_prov_service_plan_id")),
						empty(rs.getString("sms_prov_campaign_id")), smsStatus, strings(rs, "sms_prov_error_codes"),
						Objects.requireNonNullElse(instant(rs, "sms_prov_last_updated"), modified),
						instant(rs, "sms_prov_next_at"), rs.getString("sms_prov_outcome"));
		String voiceStatus = rs.getString("voice_prov_status");
		SinchNumber.VoiceJob voice = voiceStatus == null ? null
				: new SinchNumber.VoiceJob(empty(rs.getString("voice_prov_app_id")), voiceStatus,
						Objects.requireNonNullElse(instant(rs, "voice_prov_last_updated"), modified),
						instant(rs, "voice_prov_next_at"), rs.getString("voice_prov_outcome"));
		return new SinchNumber(rs.getString("project_id"), SinchNumber.Kind.valueOf(rs.getString("kind")),
				rs.getString("phone_number"), rs.getString("display_name"), rs.getString("region_code"),
				rs.getString("type"), strings(rs, "capabilities"), rs.getString("money_currency"),
				rs.getBigDecimal("money_amount"), rs.getInt("payment_interval_months"),
				instant(rs, "next_charge_date"), instant(rs, "expire_at"), rs.getString("sms_service_plan_id"),
				rs.getString("sms_campaign_id"), sms, rs.getString("voice_app_id"), instant(rs, "voice_last_updated"),
				voice, rs.getString("callback_url"), rs.getBoolean("migrate_to_sinch_tmo"));
	}

	static AvailableNumber available(ResultSet rs, int row) throws SQLException {
		return new AvailableNumber(rs.getString("phone_number"), rs.getString("region_code"), rs.getString("type"),
				strings(rs, "capabilities"), rs.getString("currency"), rs.getBigDecimal("setup_amount"),
				rs.getBigDecimal("monthly_amount"), rs.getInt("payment_interval_months"),
				rs.getBoolean("supporting_documentation_required"));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	static @Nullable OffsetDateTime odt(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static String empty(@Nullable String value) {
		return value == null ? "" : value;
	}
}
