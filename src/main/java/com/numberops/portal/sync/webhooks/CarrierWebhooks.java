package com.numberops.portal.sync.webhooks;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.webhooks.WebhookResult.Outcome;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of both carrier webhooks. In this order, and nothing is written before the delivery
 * proved authentic and readable:
 * <ol>
 * <li>authenticity: Sinch's {@code X-Sinch-Signature} over the raw bytes, Flowroute's shared
 * token; missing or wrong → {@link Outcome#UNAUTHORIZED};</li>
 * <li>shape: the documented JSON with every field the portal needs → else {@link Outcome#MALFORMED};</li>
 * <li>relevance: an account the portal follows (Sinch: resourceType + projectId; Flowroute: the
 * configured account) → else {@link Outcome#IGNORED}: acknowledged and logged, since sending it
 * again cannot help;</li>
 * <li>once: the event key is claimed in {@code webhook_events} → a replay is {@link Outcome#REPLAYED};</li>
 * <li>the number is re-read from the carrier and reconciled (events with source WEBHOOK). A number
 * the carrier does not know is left alone (only a complete sync decides it vanished). When the
 * carrier cannot be read the claim is released and the caller told to try again
 * ({@link Outcome#CARRIER_UNAVAILABLE}), so the event is not lost as "already handled".</li>
 * </ol>
 * The callback's own fields (status, eventType, failureCode) are not trusted for state: the
 * carrier's current answer is, so late or out-of-order callbacks cannot roll the mirror back.
 */
@Service
class CarrierWebhooks {

	static final String SINCH = "SINCH";

	static final String FLOWROUTE = "FLOWROUTE";

	/** Longest event key kept; Sinch event ids are UUIDs, Flowroute ids 32 hex digits. */
	static final int MAX_KEY_LENGTH = 200;

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private static final Pattern FLOWROUTE_TN = Pattern.compile("1[2-9][0-9]{9}");

	private static final Logger log = LoggerFactory.getLogger(CarrierWebhooks.class);

	private final WebhookCredentials credentials;

	private final WebhookDeliveries deliveries;

	private final ProviderAccounts accounts;

	private final MirrorSync sync;

	private final JsonMapper json;

	CarrierWebhooks(WebhookCredentials credentials, WebhookDeliveries deliveries, ProviderAccounts accounts,
			MirrorSync sync, JsonMapper json) {
		this.credentials = credentials;
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.sync = sync;
		this.json = json;
	}

	/** A Sinch number callback: {eventId, timestamp, projectId, resourceId, resourceType, eventType, status, failureCode}. */
	WebhookResult sinch(byte[] body, @Nullable String signature) {
		if (signature == null || signature.isBlank()) {
			return unauthorized(SINCH, "Missing " + SinchSignature.HEADER + " header.");
		}
		Optional<String> secret = credentials.sinchSecret();
		if (secret.isEmpty() || !SinchSignature.matches(body, signature, secret.get())) {
			return unauthorized(SINCH, "Invalid " + SinchSignature.HEADER + ".");
		}
		JsonNode event = parse(body);
		if (event == null) {
			return malformed(SINCH, "The body is not a JSON object.");
		}
		String eventId = text(event, "eventId");
		String projectId = text(event, "projectId");
		String resourceId = text(event, "resourceId");
		String resourceType = text(event, "resourceType");
		if (eventId == null || projectId == null || resourceId == null || resourceType == null) {
			return malformed(SINCH, "eventId, projectId, resourceId and resourceType are required strings.");
		}
		if (eventId.length() > MAX_KEY_LENGTH) {
			return malformed(SINCH, "eventId is longer than " + MAX_KEY_LENGTH + " characters.");
		}
		ProviderKind kind = switch (resourceType) {
			case "ACTIVE_NUMBER" -> ProviderKind.SINCH;
			case "IMPORTED_NUMBER" -> ProviderKind.SINCH_IMPORTED;
			default -> null;
		};
		if (kind == null) {
			return ignored(SINCH, eventId, "resourceType " + resourceType + " is not a number the portal mirrors.");
		}
		if (!E164.matcher(resourceId).matches()) {
			return malformed(SINCH, "resourceId must be an E.164 phone number.");
		}
		Optional<ProviderAccount> account = account(kind, projectId);
		if (account.isEmpty()) {
			return ignored(SINCH, eventId, "No " + kind.label() + " account for project " + projectId + ".");
		}
		return refreshOnce(SINCH, eventId, account.get(), resourceId);
	}

	/**
	 * A Flowroute message provisioning status (JSON:API):
	 * {"data": {"type": "message_provisioning_status", "id": ..., "attributes": {"status": ..., "tn": ...}}}.
	 * Replays are recognised by id and status together: one provision id reports "processing",
	 * then "complete" or "failed", and each of those is news once.
	 */
	WebhookResult flowrouteMessageProvisioning(byte[] body, @Nullable String token) {
		Optional<String> expected = credentials.flowrouteToken();
		if (token == null || token.isBlank()) {
			return unauthorized(FLOWROUTE, "Missing token.");
		}
		if (expected.isEmpty() || !SharedToken.matches(token, expected.get())) {
			return unauthorized(FLOWROUTE, "Invalid token.");
		}
		JsonNode document = parse(body);
		if (document == null || !document.path("data").isObject()) {
			return malformed(FLOWROUTE, "The body must be a JSON:API document with a data object.");
		}
		JsonNode data = document.get("data");
		if (!"message_provisioning_status".equals(text(data, "type"))) {
			return malformed(FLOWROUTE, "data.type must be \"message_provisioning_status\".");
		}
		String id = text(data, "id");
		String status = text(data.path("attributes"), "status");
		String tn = text(data.path("attributes"), "tn");
		if (id == null || status == null || tn == null) {
			return malformed(FLOWROUTE, "data.id, data.attributes.status and data.attributes.tn are required strings.");
		}
		String numberId = tn.startsWith("+") ? tn.substring(1) : tn;
		if (!FLOWROUTE_TN.matcher(numberId).matches()) {
			return malformed(FLOWROUTE, "data.attributes.tn must be an 11-digit North American number.");
		}
		String key = id + ":" + status;
		if (key.length() > MAX_KEY_LENGTH) {
			return malformed(FLOWROUTE, "data.id and status are longer than " + MAX_KEY_LENGTH + " characters.");
		}
		Optional<ProviderAccount> account = accounts.all()
			.stream()
			.filter(candidate -> candidate.provider() == ProviderKind.FLOWROUTE)
			.findFirst();
		if (account.isEmpty()) {
			return ignored(FLOWROUTE, key, "No Flowroute account is configured.");
		}
		return refreshOnce(FLOWROUTE, key, account.get(), numberId);
	}

	private Optional<ProviderAccount> account(ProviderKind kind, String accountRef) {
		return accounts.all()
			.stream()
			.filter(account -> account.provider() == kind && account.accountRef().equals(accountRef))
			.findFirst();
	}

	private WebhookResult refreshOnce(String provider, String key, ProviderAccount account, String numberId) {
		if (!deliveries.claim(provider, key)) {
			log.info("{} webhook {} for {} is a replay: ignored", provider, key, numberId);
			return WebhookResult.of(Outcome.REPLAYED, "Event " + key + " was already handled.");
		}
		try {
			boolean changed = refresh(account, numberId);
			log.info("{} webhook {}: {} re-read, mirror {}", provider, key, numberId, changed ? "updated" : "unchanged");
			return changed ? WebhookResult.of(Outcome.REFRESHED, numberId + " was refreshed.")
					: WebhookResult.of(Outcome.UNCHANGED, numberId + " is up to date.");
		}
		catch (ProviderError error) {
			deliveries.release(provider, key);
			log.warn("{} webhook {}: {} could not be re-read, the event may be sent again: {}", provider, key,
					numberId, error.describe());
			return WebhookResult.of(Outcome.CARRIER_UNAVAILABLE,
					account.provider().label() + " could not be reached; send the event again later.");
		}
		catch (RuntimeException unexpected) {
			deliveries.release(provider, key);
			log.error("{} webhook {}: refreshing {} failed", provider, key, numberId, unexpected);
			return WebhookResult.of(Outcome.FAILED, "The event could not be handled; send it again later.");
		}
	}

	/**
	 * Sinch sends one callback per provisioning part (SMS platform, campaign, voice), so several
	 * about one number arrive together. For a number the mirror does not hold yet, each would
	 * create it and all but the first insert collide; asked again, the number exists and the
	 * refresh is an ordinary update.
	 */
	private boolean refresh(ProviderAccount account, String numberId) {
		try {
			return sync.refresh(account.id(), numberId, MirrorSync.SOURCE_WEBHOOK);
		}
		catch (DuplicateKeyException createdMeanwhile) {
			return sync.refresh(account.id(), numberId, MirrorSync.SOURCE_WEBHOOK);
		}
	}

	private @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = json.readTree(body);
			return node != null && node.isObject() ? node : null;
		}
		catch (JacksonException unreadable) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
	}

	private static WebhookResult unauthorized(String provider, String detail) {
		log.warn("{} webhook refused: {}", provider, detail);
		return WebhookResult.of(Outcome.UNAUTHORIZED, detail);
	}

	private static WebhookResult malformed(String provider, String detail) {
		log.warn("{} webhook unreadable: {}", provider, detail);
		return WebhookResult.of(Outcome.MALFORMED, detail);
	}

	private static WebhookResult ignored(String provider, String key, String detail) {
		log.info("{} webhook {} acknowledged and ignored: {}", provider, key, detail);
		return WebhookResult.of(Outcome.IGNORED, detail);
	}
}
