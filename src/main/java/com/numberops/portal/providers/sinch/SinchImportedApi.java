package com.numberops.portal.providers.sinch;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;

import tools.jackson.databind.JsonNode;

/**
 * Sinch imported numbers (seed 000 for PATCH; list and get as Sinch documents them). The list
 * requires both {@code servicePlanId} and {@code campaignId}; an empty campaignId lists the
 * numbers without a campaign. There is no release: imported numbers are hosted, not rented.
 */
@HttpExchange(url = "/v1/projects/{projectId}/importedNumbers", accept = MediaType.APPLICATION_JSON_VALUE)
interface SinchImportedApi {

	@GetExchange
	JsonNode list(@PathVariable("projectId") String projectId, @RequestParam("servicePlanId") String servicePlanId,
			@RequestParam("campaignId") String campaignId,
			@RequestParam(name = "pageSize", required = false) @Nullable Integer pageSize,
			@RequestParam(name = "pageToken", required = false) @Nullable String pageToken);

	@GetExchange("/{phoneNumber}")
	JsonNode get(@PathVariable("projectId") String projectId, @PathVariable("phoneNumber") String phoneNumber);

	@PatchExchange(url = "/{phoneNumber}", contentType = MediaType.APPLICATION_JSON_VALUE)
	JsonNode update(@PathVariable("projectId") String projectId, @PathVariable("phoneNumber") String phoneNumber,
			@RequestBody SinchNumberUpdate update);
}
