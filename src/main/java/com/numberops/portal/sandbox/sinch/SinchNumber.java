package com.numberops.portal.sandbox.sinch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code sinch_numbers}: an active or imported number as the simulated Sinch holds it.
 * {@code ""} means "not linked" for service plan, campaign and voice app, as the API shows it.
 */
record SinchNumber(String projectId, Kind kind, String phoneNumber, @Nullable String displayName, String regionCode,
		String type, List<String> capabilities, String currency, BigDecimal amount, int paymentIntervalMonths,
		@Nullable Instant nextChargeDate, @Nullable Instant expireAt, String servicePlanId, String campaignId,
		@Nullable SmsJob smsJob, String voiceAppId, @Nullable Instant voiceLastUpdated, @Nullable VoiceJob voiceJob,
		@Nullable String callbackUrl, boolean migrateToSinchTmo) {

	enum Kind {
		ACTIVE, IMPORTED
	}

	static final String WAITING = "WAITING";

	static final String IN_PROGRESS = "IN_PROGRESS";

	static final String FAILED = "FAILED";

	SinchNumber {
		capabilities = List.copyOf(capabilities);
	}

	/**
	 * A scheduled SMS provisioning job: running (WAITING, IN_PROGRESS) or FAILED.
	 *
	 * @param nextAt when it moves on by itself; null once FAILED
	 * @param outcome null: it will be applied; else the error code it will fail with (decided
	 * when it is created, so that a fault switched on later does not change a running job)
	 */
	record SmsJob(String servicePlanId, String campaignId, String status, List<String> errorCodes,
			Instant lastUpdated, @Nullable Instant nextAt, @Nullable String outcome) {

		SmsJob {
			errorCodes = List.copyOf(errorCodes);
		}

		boolean running() {
			return WAITING.equals(status) || IN_PROGRESS.equals(status);
		}
	}

	/** A scheduled voice provisioning job, like {@link SmsJob}; the voice API reports no error codes. */
	record VoiceJob(String appId, String status, Instant lastUpdated, @Nullable Instant nextAt,
			@Nullable String outcome) {

		boolean running() {
			return WAITING.equals(status) || IN_PROGRESS.equals(status);
		}
	}

	boolean us() {
		return "US".equals(regionCode);
	}

	boolean can(String capability) {
		return capabilities.contains(capability);
	}

	SinchNumber withDisplayName(@Nullable String displayName) {
		return new SinchNumber(projectId, kind, phoneNumber, displayName, regionCode, type, capabilities, currency,
				amount, paymentIntervalMonths, nextChargeDate, expireAt, servicePlanId, campaignId, smsJob, voiceAppId,
				voiceLastUpdated, voiceJob, callbackUrl, migrateToSinchTmo);
	}

	SinchNumber withCallbackUrl(@Nullable String callbackUrl) {
		return new SinchNumber(projectId, kind, phoneNumber, displayName, regionCode, type, capabilities, currency,
				amount, paymentIntervalMonths, nextChargeDate, expireAt, servicePlanId, campaignId, smsJob, voiceAppId,
				voiceLastUpdated, voiceJob, callbackUrl, migrateToSinchTmo);
	}

	SinchNumber withSmsJob(@Nullable SmsJob smsJob) {
		return new SinchNumber(projectId, kind, phoneNumber, displayName, regionCode, type, capabilities, currency,
				amount, paymentIntervalMonths, nextChargeDate, expireAt, servicePlanId, campaignId, smsJob, voiceAppId,
				voiceLastUpdated, voiceJob, callbackUrl, migrateToSinchTmo);
	}

	SinchNumber withVoiceJob(@Nullable VoiceJob voiceJob) {
		return new SinchNumber(projectId, kind, phoneNumber, displayName, regionCode, type, capabilities, currency,
				amount, paymentIntervalMonths, nextChargeDate, expireAt, servicePlanId, campaignId, smsJob, voiceAppId,
				voiceLastUpdated, voiceJob, callbackUrl, migrateToSinchTmo);
	}
}
