package com.numberops.portal.providers;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A Sinch scheduled provisioning job (SMS or voice) as the provider reports it while it runs or
 * after it failed. {@code status} is WAITING, IN_PROGRESS or FAILED; a job that succeeded is no
 * longer reported (its values appear directly in the configuration).
 */
public record ProvisioningState(String status, @Nullable String servicePlanId, @Nullable String campaignId,
		@Nullable String appId, List<String> errorCodes, @Nullable Instant lastUpdatedTime) {

	public ProvisioningState {
		errorCodes = List.copyOf(errorCodes);
	}

	public boolean failed() {
		return "FAILED".equals(status);
	}

	public boolean running() {
		return "WAITING".equals(status) || "IN_PROGRESS".equals(status);
	}
}
