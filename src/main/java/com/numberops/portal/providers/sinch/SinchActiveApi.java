package com.numberops.portal.providers.sinch;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

import tools.jackson.databind.JsonNode;

/**
 * Sinch Numbers API v1, active numbers (seed 002; PATCH as in seed 001). Answers are read as
 * trees and typed by {@link SinchJson}, so an answer of an unexpected shape becomes one clear
 * MALFORMED_RESPONSE instead of a half-filled record.
 */
@HttpExchange(url = "/v1/projects/{projectId}/activeNumbers", accept = MediaType.APPLICATION_JSON_VALUE)
interface SinchActiveApi {

	/** {@code regionCode} and {@code type} are required by Sinch; the rest narrow the listing. */
	@GetExchange
	JsonNode list(@PathVariable("projectId") String projectId, @RequestParam("regionCode") String regionCode,
			@RequestParam("type") String type,
			@RequestParam(name = "capability", required = false) @Nullable String capability,
			@RequestParam(name = "numberPattern.pattern", required = false) @Nullable String pattern,
			@RequestParam(name = "numberPattern.searchPattern", required = false) @Nullable String searchPattern,
			@RequestParam(name = "orderBy", required = false) @Nullable String orderBy,
			@RequestParam(name = "pageSize", required = false) @Nullable Integer pageSize,
			@RequestParam(name = "pageToken", required = false) @Nullable String pageToken);

	@GetExchange("/{phoneNumber}")
	JsonNode get(@PathVariable("projectId") String projectId, @PathVariable("phoneNumber") String phoneNumber);

	@PatchExchange(url = "/{phoneNumber}", contentType = MediaType.APPLICATION_JSON_VALUE)
	JsonNode update(@PathVariable("projectId") String projectId, @PathVariable("phoneNumber") String phoneNumber,
			@RequestBody SinchNumberUpdate update);

	@PostExchange("/{phoneNumber}:release")
	JsonNode release(@PathVariable("projectId") String projectId, @PathVariable("phoneNumber") String phoneNumber);
}
