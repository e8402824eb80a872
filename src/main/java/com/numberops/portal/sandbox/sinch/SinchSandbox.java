package com.numberops.portal.sandbox.sinch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.SandboxProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Sinch: applies {@link SinchRules} to the sandbox tables and answers in the seeds'
 * wire format ({@link SinchWire}). Refusals are {@link SinchSandboxException}s. Every operation first
 * settles the provisioning jobs that are due, so what a client reads is what the delays imply.
 */
@Service
@Conditional(SandboxConditions.Sinch.class)
class SinchSandbox {

	private final SinchStore store;

	private final SinchProvisioning provisioning;

	private final SinchRequests requests;

	private final SandboxFaults faults;

	private final SandboxProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SinchCallbacks callbacks;

	/** Plans and campaigns every project has besides those of its numbers (configuration). */
	private final SinchRules.ProjectSms configuredSms;

	SinchSandbox(SinchStore store, SinchProvisioning provisioning, JsonMapper json, SandboxFaults faults,
			SandboxProperties properties, SandboxDatabase database, Clock clock, SinchCallbacks callbacks) {
		this.callbacks = callbacks;
		this.configuredSms = new SinchRules.ProjectSms(Set.copyOf(properties.sinchServicePlans()),
				Set.copyOf(properties.sinchCampaigns()));
		this.store = store;
		this.provisioning = provisioning;
		this.requests = new SinchRequests(json);
		this.faults = faults;
		this.properties = properties;
		this.transactions = database.transactions();
		this.clock = clock;
	}

	// ---------------------------------------------------------------- active numbers

	Map<String, Object> listActive(String projectId, SinchRules.ActiveListQuery query) {
		begin(projectId);
		List<SinchNumber> rows = store.activePage(projectId, query);
		List<SinchNumber> page = rows.subList(0, Math.min(rows.size(), query.pageSize()));
		PageToken next = null;
		if (rows.size() > query.pageSize()) {
			SinchNumber last = page.get(page.size() - 1);
			String sortKey = query.orderBy() == SinchRules.OrderBy.DISPLAY_NAME
					? (last.displayName() == null ? "" : last.displayName()) : "";
			next = new PageToken(query.fingerprint(), sortKey, last.phoneNumber());
		}
		return SinchWire.page("activeNumbers", page.stream().map(SinchWire::activeNumber).toList(), next,
				store.countActive(projectId, query));
	}

	Map<String, Object> getActive(String projectId, String phoneNumber) {
		begin(projectId);
		return SinchWire.activeNumber(active(projectId, phoneNumber, false));
	}

	Map<String, Object> patchActive(String projectId, String phoneNumber, @Nullable String body) {
		begin(projectId);
		SinchChangeRequest request = requests.read(body, SinchRequests.Shape.ACTIVE_PATCH);
		return inTransaction(() -> {
			SinchNumber number = active(projectId, phoneNumber, true);
			SinchNumber changed = apply(number, request, SandboxApi.SINCH, "patch", true);
			store.save(changed);
			return SinchWire.activeNumber(active(projectId, phoneNumber, false));
		});
	}

	/** Returns the number as it was; afterwards it is gone from the project. */
	Map<String, Object> release(String projectId, String phoneNumber) {
		begin(projectId);
		return inTransaction(() -> {
			SinchNumber number = active(projectId, phoneNumber, true);
			store.delete(number);
			return SinchWire.activeNumber(number);
		});
	}

	private SinchNumber active(String projectId, String phoneNumber, boolean forUpdate) {
		return store.find(projectId, SinchNumber.Kind.ACTIVE, phoneNumber, forUpdate)
			.orElseThrow(() -> SinchSandboxException.notFound("ActiveNumber", phoneNumber,
					"Active number " + phoneNumber + " not found in project " + projectId));
	}

	// ---------------------------------------------------------------- available numbers and regions

	Map<String, Object> searchAvailable(String projectId, SinchRules.AvailableQuery query) {
		begin(projectId);
		return Map.of("availableNumbers",
				store.searchAvailable(query).stream().map(SinchWire::availableNumber).toList());
	}

	Map<String, Object> getAvailable(String projectId, String phoneNumber) {
		begin(projectId);
		return SinchWire.availableNumber(available(phoneNumber, false));
	}

	/** Moves the number from the shop window into the project; its SMS / voice setup starts as jobs. */
	Map<String, Object> rent(String projectId, String phoneNumber, @Nullable String body) {
		begin(projectId);
		SinchChangeRequest request = requests.read(body, SinchRequests.Shape.RENT);
		return inTransaction(() -> {
			AvailableNumber offer = available(phoneNumber, true);
			SinchRules.throwIfAny(SinchRules.unknownAtRent(projectId, request,
					store.projectSms(projectId).and(configuredSms), store.voiceApps(projectId)));
			if (store.activeAnywhere(phoneNumber)) {
				throw SinchSandboxException.alreadyExists("Number " + phoneNumber + " is already rented");
			}
			Instant now = clock.instant();
			Instant nextCharge = now.atOffset(ZoneOffset.UTC).plusMonths(offer.paymentIntervalMonths()).toInstant();
			SinchNumber fresh = new SinchNumber(projectId, SinchNumber.Kind.ACTIVE, phoneNumber, null,
					offer.regionCode(), offer.type(), offer.capabilities(), offer.currency(), offer.monthlyAmount(),
					offer.paymentIntervalMonths(), nextCharge, null, "", "", null, "", null, null, null, false);
			SinchNumber rented = apply(fresh, request, SandboxApi.SINCH, "rent", true);
			store.deleteAvailable(phoneNumber);
			store.insert(rented);
			return SinchWire.activeNumber(active(projectId, phoneNumber, false));
		});
	}

	Map<String, Object> regions(String projectId, @Nullable List<String> types) {
		begin(projectId);
		return SinchWire.regions(SinchRules.regions(types));
	}

	private AvailableNumber available(String phoneNumber, boolean forUpdate) {
		return store.findAvailable(phoneNumber, forUpdate)
			.orElseThrow(() -> SinchSandboxException.notFound("AvailableNumber", phoneNumber,
					"Number " + phoneNumber + " is not available"));
	}

	// ---------------------------------------------------------------- imported numbers

	Map<String, Object> listImported(String projectId, SinchRules.ImportedListQuery query) {
		begin(projectId);
		List<SinchNumber> rows = store.importedPage(projectId, query);
		List<SinchNumber> page = rows.subList(0, Math.min(rows.size(), query.pageSize()));
		PageToken next = rows.size() > query.pageSize()
				? new PageToken(query.fingerprint(), "", page.get(page.size() - 1).phoneNumber()) : null;
		return SinchWire.page("importedNumbers", page.stream().map(SinchWire::importedNumber).toList(), next,
				store.countImported(projectId, query));
	}

	Map<String, Object> getImported(String projectId, String phoneNumber) {
		begin(projectId);
		return SinchWire.importedNumber(imported(projectId, phoneNumber, false));
	}

	Map<String, Object> patchImported(String projectId, String phoneNumber, @Nullable String body) {
		begin(projectId);
		SinchChangeRequest request = requests.read(body, SinchRequests.Shape.IMPORTED_PATCH);
		return inTransaction(() -> {
			SinchNumber number = imported(projectId, phoneNumber, true);
			store.save(apply(number, request, SandboxApi.SINCH_IMPORTED, "patch", false));
			return SinchWire.importedNumber(imported(projectId, phoneNumber, false));
		});
	}

	private SinchNumber imported(String projectId, String phoneNumber, boolean forUpdate) {
		return store.find(projectId, SinchNumber.Kind.IMPORTED, phoneNumber, forUpdate)
			.orElseThrow(() -> SinchSandboxException.notFound("ImportedNumber", phoneNumber,
					"The imported number could not be found."));
	}

	// ---------------------------------------------------------------- shared

	/** Settles due jobs, then refuses an unknown project (404 in the API's format). */
	private void begin(String projectId) {
		provisioning.settleDue();
		if (!ProvidersProperties.SANDBOX_SINCH_PROJECT.equals(projectId) && !store.projectExists(projectId)) {
			throw SinchSandboxException.notFound("Project", projectId, "Project " + projectId + " not found");
		}
	}

	/**
	 * The number after a change: display name and callback URL at once, SMS and voice changes as
	 * new WAITING jobs whose outcome is decided now (deterministic hooks, then the fault registry's
	 * provisioningFailureRate for this API and endpoint).
	 */
	private SinchNumber apply(SinchNumber number, SinchChangeRequest request, SandboxApi api, String endpoint,
			boolean servicePlanIdRequired) {
		SinchRules.Changes changes = SinchRules.changes(number, request, servicePlanIdRequired, callbacks::allowed);
		if (changes.refused()) {
			throw SinchSandboxException.invalid(changes.violations());
		}
		Instant now = clock.instant();
		Instant next = now.plus(properties.provisioningWaiting());
		SinchNumber changed = number;
		if (request.displayName() != null) {
			changed = changed.withDisplayName(request.displayName());
		}
		if (request.callbackUrl() != null) {
			changed = changed.withCallbackUrl(request.callbackUrl());
		}
		double failureRate = faults.of(api, endpoint).provisioningFailureRate();
		SinchRules.SmsTarget sms = changes.sms();
		if (sms != null) {
			String outcome = SinchRules.smsFailure(
					new SinchRules.SmsTarget(number.servicePlanId(), number.campaignId()), sms,
					store.projectSms(number.projectId()).and(configuredSms), faults.roll(failureRate));
			changed = changed.withSmsJob(new SinchNumber.SmsJob(sms.servicePlanId(), sms.campaignId(),
					SinchNumber.WAITING, List.of(), now, next, outcome));
		}
		String voiceAppId = changes.voiceAppId();
		if (voiceAppId != null) {
			String outcome = SinchRules.voiceFailure(voiceAppId, faults.roll(failureRate));
			changed = changed.withVoiceJob(new SinchNumber.VoiceJob(voiceAppId, SinchNumber.WAITING, now, next, outcome));
		}
		return changed;
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		T result = transactions.execute(status -> work.get());
		if (result == null) {
			throw new IllegalStateException("transaction returned nothing");
		}
		return result;
	}
}
