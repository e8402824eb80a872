package com.numberops.portal.sandbox.flowroute;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.SandboxProperties;
import com.numberops.portal.system.NulCharacters;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every rule of the simulated Flowroute v2 numbers API (seed 004), over {@code flowroute_numbers}:
 * <ul>
 * <li>Ids are 11-digit North American numbers ({@code 1} + area code 2–9xx + 7 digits); anything
 * else is a 400, an unknown number a 404, both in Flowroute's {@code errors} body.</li>
 * <li>Lists page by {@code limit} (1–200, default 10) and {@code offset}, ordered by number, and
 * filter by {@code starts_with}/{@code contains}/{@code ends_with} (digits); {@code links.next}
 * is there only when another page exists.</li>
 * <li>PATCH takes {@code application/vnd.api+json} or {@code application/json}, either as
 * JSON:API ({@code {"data": {"type": "number", "attributes": {...}}}}) or in the flat form the
 * seed's examples send ({@code {"type": "number", "alias": ...}}). {@code type} must be
 * {@code "number"} (else 422); only alias, cnam_lookups_enabled, messaging_enabled,
 * messaging_email and messaging_callback_url can be sent, each with its JSON type (else 400).</li>
 * <li>{@code messaging_enabled: true} starts a message provision job: "processing" for
 * provisioning-waiting + provisioning-in-progress (sandbox properties), then "complete", and only
 * then does the number show {@code messaging_enabled: true} (the seed's example answers
 * {@code false} with the job "processing"). When the Message Provision API fails the answer is
 * <b>207 Multi-Status</b>: the other attributes were applied, messaging stays as it was, and an
 * {@code errors} array next to {@code data} says why; PATCHing messaging_enabled again retries.
 * It fails at the rate of the fault registry's {@code provisioningFailureRate} for FLOWROUTE
 * "patch", and always for numbers ending in {@value #ALWAYS_FAILING_SUFFIX} (a deterministic
 * hook for demos and tests).</li>
 * <li>{@code messaging_enabled: false} switches messaging off and drops a running job.</li>
 * <li>DELETE releases the number: 204, and from then on 404.</li>
 * <li>{@code GET /v2/numbers/available} lists numbers for sale, paged and filtered like the
 * account's own listing plus {@code rate_center} and {@code state} (lower case, as Flowroute
 * writes them; a rate center needs its state, else 400). {@code POST /v2/numbers/{id}} buys one:
 * 201 with the new number resource; a number not for sale (taken meanwhile, or never offered) is a
 * 404, one already on the account a 409, each in the {@code errors} body.</li>
 * </ul>
 */
@Service
@Conditional(SandboxConditions.Flowroute.class)
class FlowrouteSandbox {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 200;

	static final String ALWAYS_FAILING_SUFFIX = "0207";

	private static final Pattern NUMBER_ID = Pattern.compile("1[2-9][0-9]{9}");

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,11}");

	private static final Set<String> UPDATABLE = Set.of("alias", "cnam_lookups_enabled", "messaging_enabled",
			"messaging_email", "messaging_callback_url");

	private static final String COLUMNS = """
			id, alias, cnam_lookups_enabled, messaging_enabled, number_type, rate_center, state, iso_country,
			monthly_cost, setup_cost, inbound_rate, rate_type, status, tier, primary_route_id,
			message_provision_id, message_provision_status, message_provision_settles_at""";

	/** What a PATCH answers: 200 or 207, and the document. */
	record Answer(int status, ObjectNode body) {
	}

	private final SandboxDatabase database;

	private final SandboxFaults faults;

	private final Duration provisioning;

	private final Clock clock;

	private final JsonMapper json;

	FlowrouteSandbox(SandboxDatabase database, SandboxFaults faults, SandboxProperties properties, Clock clock,
			JsonMapper json) {
		this.database = database;
		this.faults = faults;
		this.provisioning = properties.provisioningWaiting().plus(properties.provisioningInProgress());
		this.clock = clock;
		this.json = json;
	}

	ObjectNode list(String base, @Nullable String limitParam, @Nullable String offsetParam,
			@Nullable String startsWith, @Nullable String contains, @Nullable String endsWith) {
		int limit = integer("limit", limitParam, DEFAULT_LIMIT);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw FlowrouteSandboxError.badRequest("limit must be between 1 and " + MAX_LIMIT + ".");
		}
		int offset = integer("offset", offsetParam, 0);
		if (offset < 0) {
			throw FlowrouteSandboxError.badRequest("offset must not be negative.");
		}
		Map<String, String> filters = new LinkedHashMap<>();
		putFilter(filters, "starts_with", startsWith);
		putFilter(filters, "contains", contains);
		putFilter(filters, "ends_with", endsWith);

		StringBuilder where = new StringBuilder("true");
		Map<String, Object> parameters = new LinkedHashMap<>();
		// filters are digits only (checked above), so they need no escaping inside LIKE
		if (filters.containsKey("starts_with")) {
			where.append(" and id like :startsWith");
			parameters.put("startsWith", filters.get("starts_with") + "%");
		}
		if (filters.containsKey("contains")) {
			where.append(" and id like :contains");
			parameters.put("contains", "%" + filters.get("contains") + "%");
		}
		if (filters.containsKey("ends_with")) {
			where.append(" and id like :endsWith");
			parameters.put("endsWith", "%" + filters.get("ends_with"));
		}
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from flowroute_numbers where " + where);
		if (offset > 0) {
			// the skipped rows counted in the key index alone (an index-only scan): an OFFSET on the
			// whole rows read each skipped row from the table, so a full listing cost the square of its
			// length (1.2 s a page at offset 200,000). Past the end the key is null: an empty page.
			sql.append(" and id >= (select id from flowroute_numbers where " + where + " order by id offset :offset limit 1)");
			parameters.put("offset", offset);
		}
		// one row more than asked tells whether a next page exists, without counting the fleet
		sql.append(" order by id limit :limit");
		parameters.put("limit", limit + 1);
		Instant now = clock.instant();
		List<FlowrouteSandboxNumber> rows = new ArrayList<>(database.jdbc()
			.sql(sql.toString())
			.params(parameters)
			.query(FlowrouteSandbox::row)
			.list()
			.stream()
			.map(number -> number.settledAt(now))
			.toList());
		boolean more = rows.size() > limit;
		if (more) {
			rows.remove(rows.size() - 1);
		}
		return FlowrouteDocuments.list(base, rows, listUrl(base, limit, offset, filters), listUrl(base, limit, 0, filters),
				more ? listUrl(base, limit, (long) offset + limit, filters) : null);
	}

	ObjectNode available(String base, @Nullable String limitParam, @Nullable String offsetParam,
			@Nullable String startsWith, @Nullable String contains, @Nullable String endsWith,
			@Nullable String rateCenter, @Nullable String state) {
		int limit = integer("limit", limitParam, DEFAULT_LIMIT);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw FlowrouteSandboxError.badRequest("limit must be between 1 and " + MAX_LIMIT + ".");
		}
		int offset = integer("offset", offsetParam, 0);
		if (offset < 0) {
			throw FlowrouteSandboxError.badRequest("offset must not be negative.");
		}
		Map<String, String> filters = new LinkedHashMap<>();
		putFilter(filters, "starts_with", startsWith);
		putFilter(filters, "contains", contains);
		putFilter(filters, "ends_with", endsWith);
		putPlace(filters, "rate_center", rateCenter);
		putPlace(filters, "state", state);
		if (filters.containsKey("rate_center") && !filters.containsKey("state")) {
			throw FlowrouteSandboxError.badRequest("state is required when rate_center is given.");
		}
		StringBuilder sql = new StringBuilder("select " + OFFER_COLUMNS + " from flowroute_available_numbers where true");
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (filters.containsKey("starts_with")) {
			sql.append(" and id like :startsWith");
			// an area code alone ("206") means the numbers of that area code, as Flowroute's search does
			String prefix = filters.get("starts_with");
			parameters.put("startsWith", (prefix.startsWith("1") ? prefix : "1" + prefix) + "%");
		}
		if (filters.containsKey("contains")) {
			sql.append(" and id like :contains");
			parameters.put("contains", "%" + filters.get("contains") + "%");
		}
		if (filters.containsKey("ends_with")) {
			sql.append(" and id like :endsWith");
			parameters.put("endsWith", "%" + filters.get("ends_with"));
		}
		if (filters.containsKey("state")) {
			sql.append(" and state = :state");
			parameters.put("state", filters.get("state"));
		}
		if (filters.containsKey("rate_center")) {
			sql.append(" and rate_center = :rateCenter");
			parameters.put("rateCenter", filters.get("rate_center"));
		}
		sql.append(" order by id limit :limit offset :offset");
		parameters.put("limit", limit + 1);
		parameters.put("offset", offset);
		List<FlowrouteOffer> offers = new ArrayList<>(
				database.jdbc().sql(sql.toString()).params(parameters).query(FlowrouteSandbox::offer).list());
		boolean more = offers.size() > limit;
		if (more) {
			offers.remove(offers.size() - 1);
		}
		return FlowrouteDocuments.available(base, offers, availableUrl(base, limit, offset, filters),
				availableUrl(base, limit, 0, filters),
				more ? availableUrl(base, limit, (long) offset + limit, filters) : null);
	}

	/** Buys a number for sale: it leaves the shop and joins the account, without alias or messaging. */
	ObjectNode purchase(String base, String id) {
		String numberId = checkedId(id);
		FlowrouteSandboxNumber bought = database.transactions().execute(status -> {
			JdbcClient jdbc = database.jdbc();
			boolean owned = jdbc.sql("select exists (select 1 from flowroute_numbers where id = ?)")
				.param(numberId)
				.query(Boolean.class)
				.single();
			if (owned) {
				throw new FlowrouteSandboxError(409, "Conflict", "Phone number " + numberId + " is already on this account.");
			}
			FlowrouteOffer offer = jdbc.sql("select " + OFFER_COLUMNS + " from flowroute_available_numbers where id = ? for update")
				.param(numberId)
				.query(FlowrouteSandbox::offer)
				.optional()
				.orElseThrow(() -> FlowrouteSandboxError.notFound("Phone number " + numberId + " is not available for purchase."));
			jdbc.sql("delete from flowroute_available_numbers where id = ?").param(numberId).update();
			jdbc.sql("""
					insert into flowroute_numbers (id, number_type, rate_center, state, iso_country, monthly_cost, setup_cost,
					    inbound_rate, rate_type, tier)
					values (:id, :type, :rateCenter, :state, :country, :monthly, :setup, :inbound, :rateType, :tier)""")
				.param("id", offer.id())
				.param("type", offer.numberType())
				.param("rateCenter", offer.rateCenter())
				.param("state", offer.state())
				.param("country", offer.isoCountry())
				.param("monthly", offer.monthlyCost())
				.param("setup", offer.setupCost())
				.param("inbound", offer.inboundRate())
				.param("rateType", offer.rateType())
				.param("tier", offer.tier())
				.update();
			return find(jdbc, numberId);
		});
		return FlowrouteDocuments.number(base, java.util.Objects.requireNonNull(bought));
	}

	ObjectNode get(String base, String id) {
		return FlowrouteDocuments.number(base, find(database.jdbc(), checkedId(id)).settledAt(clock.instant()));
	}

	Answer patch(String base, String id, @Nullable String contentType, byte @Nullable [] body) {
		String numberId = checkedId(id);
		requireJson(contentType);
		find(database.jdbc(), numberId);
		Map<String, JsonNode> attributes = attributes(numberId, parse(body));
		return database.transactions().execute(status -> apply(base, numberId, attributes));
	}

	void release(String id) {
		String numberId = checkedId(id);
		int deleted = database.jdbc().sql("delete from flowroute_numbers where id = ?").param(numberId).update();
		if (deleted == 0) {
			throw unknown(numberId);
		}
	}

	ObjectNode provisioningStatus(String base, String provisionId) {
		FlowrouteSandboxNumber number = database.jdbc()
			.sql("select " + COLUMNS + " from flowroute_numbers where message_provision_id = ?")
			.param(provisionId)
			.query(FlowrouteSandbox::row)
			.optional()
			.orElseThrow(() -> FlowrouteSandboxError.notFound("Message provision " + provisionId + " was not found."));
		return FlowrouteDocuments.provisioningStatusDocument(base, number.settledAt(clock.instant()));
	}

	private Answer apply(String base, String id, Map<String, JsonNode> attributes) {
		JdbcClient jdbc = database.jdbc();
		Instant now = clock.instant();
		FlowrouteSandboxNumber number = jdbc.sql("select " + COLUMNS + " from flowroute_numbers where id = ? for update")
			.param(id)
			.query(FlowrouteSandbox::row)
			.optional()
			.orElseThrow(() -> unknown(id))
			.settledAt(now);

		String alias = attributes.containsKey("alias") ? nullableText(attributes.get("alias")) : number.alias();
		boolean cnam = attributes.containsKey("cnam_lookups_enabled")
				? attributes.get("cnam_lookups_enabled").booleanValue() : number.cnamLookupsEnabled();
		boolean messaging = number.messagingEnabled();
		String provisionId = number.messageProvisionId();
		String provisionStatus = number.messageProvisionStatus();
		Instant settlesAt = number.messageProvisionSettlesAt();
		ObjectNode provisioningFailure = null;

		JsonNode messagingWanted = attributes.get("messaging_enabled");
		if (messagingWanted != null && messagingWanted.booleanValue()) {
			if (!messaging && !number.provisioning()) {
				if (provisioningFails(id)) {
					provisioningFailure = provisioningFailure(id);
				}
				else {
					provisionId = UUID.randomUUID().toString().replace("-", "");
					provisionStatus = FlowrouteSandboxNumber.PROCESSING;
					settlesAt = now.plus(provisioning);
				}
			}
			// already enabled or on its way: nothing to start, as PATCH is idempotent
		}
		else if (messagingWanted != null) {
			messaging = false;
			provisionId = null;
			provisionStatus = null;
			settlesAt = null;
		}

		jdbc.sql("""
				update flowroute_numbers
				   set alias = :alias, cnam_lookups_enabled = :cnam, messaging_enabled = :messaging,
				       message_provision_id = :provisionId, message_provision_status = :provisionStatus,
				       message_provision_settles_at = :settlesAt, modified_at = :now
				 where id = :id""")
			.param("alias", alias)
			.param("cnam", cnam)
			.param("messaging", messaging)
			.param("provisionId", provisionId)
			.param("provisionStatus", provisionStatus)
			.param("settlesAt", settlesAt == null ? null : OffsetDateTime.ofInstant(settlesAt, ZoneOffset.UTC))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("id", id)
			.update();

		ObjectNode document = FlowrouteDocuments.number(base, find(jdbc, id).settledAt(now));
		if (provisioningFailure == null) {
			return new Answer(200, document);
		}
		// JSON:API keeps data and errors apart; seed 004's 207 needs both: what was applied, and what was not
		document.putArray("errors").add(provisioningFailure);
		return new Answer(207, document);
	}

	private boolean provisioningFails(String id) {
		return id.endsWith(ALWAYS_FAILING_SUFFIX)
				|| faults.roll(faults.of(SandboxApi.FLOWROUTE, "patch").provisioningFailureRate());
	}

	private static ObjectNode provisioningFailure(String id) {
		String detail = id.endsWith(ALWAYS_FAILING_SUFFIX)
				? "The number was updated, but the Message Provision API refused to enable messaging for " + id
						+ ". Messaging is still disabled; retry with messaging_enabled: true."
				: "The number was updated, but the Message Provision API is unavailable. Messaging is still disabled"
						+ " for " + id + "; retry with messaging_enabled: true.";
		ObjectNode error = FlowrouteDocuments.error(503, "Message Provision Unavailable", detail);
		error.putObject("source").put("pointer", "/data/attributes/messaging_enabled");
		return error;
	}

	/** The attributes to change, from either body form, each checked for its name and JSON type. */
	private static Map<String, JsonNode> attributes(String id, JsonNode body) {
		if (!body.isObject()) {
			throw FlowrouteSandboxError.badRequest("The request body must be a JSON object.");
		}
		JsonNode resource;
		Map<String, JsonNode> attributes = new LinkedHashMap<>();
		if (body.has("data")) {
			resource = body.get("data");
			if (!resource.isObject()) {
				throw FlowrouteSandboxError.badRequest("data must be a number resource object.");
			}
			for (String member : resource.propertyNames()) {
				if (!Set.of("type", "id", "attributes").contains(member)) {
					throw FlowrouteSandboxError.badRequest("data." + member + " cannot be updated.");
				}
			}
			JsonNode given = resource.path("attributes");
			if (!given.isMissingNode()) {
				if (!given.isObject()) {
					throw FlowrouteSandboxError.badRequest("data.attributes must be an object.");
				}
				given.properties().forEach(entry -> attributes.put(entry.getKey(), entry.getValue()));
			}
		}
		else {
			resource = body;
			body.properties()
				.stream()
				.filter(entry -> !"type".equals(entry.getKey()) && !"id".equals(entry.getKey()))
				.forEach(entry -> attributes.put(entry.getKey(), entry.getValue()));
		}
		JsonNode type = resource.get("type");
		if (type == null || type.isNull()) {
			throw FlowrouteSandboxError.unprocessable("type is required and must be \"number\".");
		}
		if (!type.isString() || !"number".equals(type.stringValue())) {
			throw FlowrouteSandboxError.unprocessable("type must be \"number\", not " + type + ".");
		}
		JsonNode givenId = resource.get("id");
		if (givenId != null && !(givenId.isString() && id.equals(givenId.stringValue()))) {
			throw new FlowrouteSandboxError(409, "Conflict",
					"The id in the body (" + givenId + ") does not match the number in the path (" + id + ").");
		}
		attributes.forEach(FlowrouteSandbox::checkAttribute);
		return attributes;
	}

	private static void checkAttribute(String name, JsonNode value) {
		if (!UPDATABLE.contains(name)) {
			throw FlowrouteSandboxError.badRequest(name + " is not an attribute of a number that can be updated.");
		}
		switch (name) {
			case "alias" -> {
				if (!value.isString() && !value.isNull()) {
					throw FlowrouteSandboxError.badRequest("alias must be a string.");
				}
			}
			case "messaging_callback_url" -> {
				if (!value.isString() || !httpUrl(value.stringValue())) {
					throw FlowrouteSandboxError.badRequest("messaging_callback_url must be a valid http(s) URL.");
				}
			}
			default -> {
				if (!value.isBoolean()) {
					throw FlowrouteSandboxError.badRequest(name + " must be a boolean.");
				}
			}
		}
	}

	private static boolean httpUrl(String value) {
		try {
			URI uri = new URI(value);
			String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException invalid) {
			return false;
		}
	}

	private JsonNode parse(byte @Nullable [] body) {
		if (body == null || body.length == 0) {
			throw FlowrouteSandboxError.badRequest("The request body is empty; send a number resource.");
		}
		JsonNode document;
		try {
			document = json.readTree(body);
		}
		catch (JacksonException unreadable) {
			throw FlowrouteSandboxError.badRequest("The request body is not valid JSON.");
		}
		String withNul = NulCharacters.fieldWithNul(document);
		if (withNul != null) {
			throw FlowrouteSandboxError.badRequest(withNul + " must not contain a NUL character (U+0000).");
		}
		return document;
	}

	private static void requireJson(@Nullable String contentType) {
		MediaType type;
		try {
			type = contentType == null ? null : MediaType.parseMediaType(contentType);
		}
		catch (RuntimeException invalid) {
			type = null;
		}
		if (type == null || !("application".equals(type.getType())
				&& ("vnd.api+json".equals(type.getSubtype()) || "json".equals(type.getSubtype())))) {
			throw new FlowrouteSandboxError(415, "Unsupported Media Type",
					"Content-Type must be application/vnd.api+json or application/json.");
		}
	}

	private static String checkedId(String id) {
		if (!NUMBER_ID.matcher(id).matches()) {
			throw FlowrouteSandboxError.badRequest(
					"The phone number must be in 11-digit North American format, e.g. 12065551234, not " + id + ".");
		}
		return id;
	}

	private static FlowrouteSandboxNumber find(JdbcClient jdbc, String id) {
		return jdbc.sql("select " + COLUMNS + " from flowroute_numbers where id = ?")
			.param(id)
			.query(FlowrouteSandbox::row)
			.optional()
			.orElseThrow(() -> unknown(id));
	}

	private static FlowrouteSandboxError unknown(String id) {
		return FlowrouteSandboxError.notFound("Phone number " + id + " was not found on this account.");
	}

	private static int integer(String name, @Nullable String value, int fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException notANumber) {
			throw FlowrouteSandboxError.badRequest(name + " must be an integer.");
		}
	}

	private static void putFilter(Map<String, String> filters, String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		if (!DIGITS.matcher(value.strip()).matches()) {
			throw FlowrouteSandboxError.badRequest(name + " must be 1 to 11 digits.");
		}
		filters.put(name, value.strip());
	}

	private static final String OFFER_COLUMNS = """
			id, number_type, rate_center, state, iso_country, monthly_cost, setup_cost, inbound_rate, rate_type, tier""";

	private static FlowrouteOffer offer(ResultSet rs, int row) throws SQLException {
		return new FlowrouteOffer(rs.getString("id"), rs.getString("number_type"), rs.getString("rate_center"),
				rs.getString("state"), rs.getString("iso_country"), rs.getBigDecimal("monthly_cost"),
				rs.getBigDecimal("setup_cost"), rs.getBigDecimal("inbound_rate"), rs.getString("rate_type"),
				rs.getString("tier"));
	}

	/** Rate centers and states are lower-case letters and digits at Flowroute ("sttlwa0101", "wa"). */
	private static void putPlace(Map<String, String> filters, String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		String place = value.strip().toLowerCase(Locale.ROOT);
		if (!place.matches("[a-z0-9]{2,16}")) {
			throw FlowrouteSandboxError.badRequest(name + " must be letters and digits, e.g. sttlwa0101 or wa.");
		}
		filters.put(name, place);
	}

	private static String availableUrl(String base, int limit, long offset, Map<String, String> filters) {
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString(base + "/v2/numbers/available");
		filters.forEach(url::queryParam);
		return url.queryParam("limit", limit).queryParam("offset", offset).build().toUriString();
	}

	private static String listUrl(String base, int limit, long offset, Map<String, String> filters) {
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString(base + "/v2/numbers");
		filters.forEach(url::queryParam);
		return url.queryParam("limit", limit).queryParam("offset", offset).build().toUriString();
	}

	private static @Nullable String nullableText(JsonNode value) {
		return value.isNull() ? null : value.stringValue();
	}

	private static FlowrouteSandboxNumber row(ResultSet rs, int row) throws SQLException {
		OffsetDateTime settles = rs.getObject("message_provision_settles_at", OffsetDateTime.class);
		return new FlowrouteSandboxNumber(rs.getString("id"), rs.getString("alias"), rs.getBoolean("cnam_lookups_enabled"),
				rs.getBoolean("messaging_enabled"), rs.getString("number_type"), rs.getString("rate_center"),
				rs.getString("state"), rs.getString("iso_country"), rs.getBigDecimal("monthly_cost"),
				rs.getBigDecimal("setup_cost"), rs.getBigDecimal("inbound_rate"), rs.getString("rate_type"),
				rs.getString("status"), rs.getString("tier"), rs.getString("primary_route_id"),
				rs.getString("message_provision_id"), rs.getString("message_provision_status"),
				settles == null ? null : settles.toInstant());
	}
}
