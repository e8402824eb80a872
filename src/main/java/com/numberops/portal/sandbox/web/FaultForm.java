package com.numberops.portal.sandbox.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxFaults;

/** One fault for one simulated API endpoint; rates in percent, as people think of them. */
public class FaultForm {

	@NotNull(message = "Choose an API.")
	private SandboxApi api = SandboxApi.SINCH;

	@NotBlank(message = "Choose an endpoint.")
	private String endpoint = SandboxFaults.EVERY_ENDPOINT;

	@Min(value = 0, message = "Use 0 to 60000 ms.")
	@Max(value = 60_000, message = "Use 0 to 60000 ms.")
	private int latencyMillis;

	@Min(value = 0, message = "Use 0 to 100 %.")
	@Max(value = 100, message = "Use 0 to 100 %.")
	private int serverErrorPercent;

	@Min(value = 0, message = "Use 0 to 100 %.")
	@Max(value = 100, message = "Use 0 to 100 %.")
	private int rateLimitPercent;

	@Min(value = 0, message = "Use 0 to 3600 s.")
	@Max(value = 3600, message = "Use 0 to 3600 s.")
	private int retryAfterSeconds = 1;

	@Min(value = 0, message = "Use 0 to 100 %.")
	@Max(value = 100, message = "Use 0 to 100 %.")
	private int hangPercent;

	@Min(value = 0, message = "Use 0 to 100 %.")
	@Max(value = 100, message = "Use 0 to 100 %.")
	private int malformedPercent;

	@Min(value = 0, message = "Use 0 to 100 %.")
	@Max(value = 100, message = "Use 0 to 100 %.")
	private int provisioningFailurePercent;

	@Min(value = 0, message = "Use 0 to 100 %.")
	@Max(value = 100, message = "Use 0 to 100 %.")
	private int lostAnswerPercent;

	Fault toFault() {
		return new Fault(latencyMillis, serverErrorPercent / 100.0, rateLimitPercent / 100.0, retryAfterSeconds,
				hangPercent / 100.0, malformedPercent / 100.0, provisioningFailurePercent / 100.0,
				lostAnswerPercent / 100.0);
	}

	public SandboxApi getApi() {
		return api;
	}

	public void setApi(SandboxApi api) {
		this.api = api;
	}

	public String getEndpoint() {
		return endpoint;
	}

	public void setEndpoint(String endpoint) {
		this.endpoint = endpoint == null ? "" : endpoint.strip();
	}

	public int getLatencyMillis() {
		return latencyMillis;
	}

	public void setLatencyMillis(int latencyMillis) {
		this.latencyMillis = latencyMillis;
	}

	public int getServerErrorPercent() {
		return serverErrorPercent;
	}

	public void setServerErrorPercent(int serverErrorPercent) {
		this.serverErrorPercent = serverErrorPercent;
	}

	public int getRateLimitPercent() {
		return rateLimitPercent;
	}

	public void setRateLimitPercent(int rateLimitPercent) {
		this.rateLimitPercent = rateLimitPercent;
	}

	public int getRetryAfterSeconds() {
		return retryAfterSeconds;
	}

	public void setRetryAfterSeconds(int retryAfterSeconds) {
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public int getHangPercent() {
		return hangPercent;
	}

	public void setHangPercent(int hangPercent) {
		this.hangPercent = hangPercent;
	}

	public int getMalformedPercent() {
		return malformedPercent;
	}

	public void setMalformedPercent(int malformedPercent) {
		this.malformedPercent = malformedPercent;
	}

	public int getProvisioningFailurePercent() {
		return provisioningFailurePercent;
	}

	public void setProvisioningFailurePercent(int provisioningFailurePercent) {
		this.provisioningFailurePercent = provisioningFailurePercent;
	}

	public int getLostAnswerPercent() {
		return lostAnswerPercent;
	}

	public void setLostAnswerPercent(int lostAnswerPercent) {
		this.lostAnswerPercent = lostAnswerPercent;
	}
}
