package com.numberops.portal.providers.sinch;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import tools.jackson.databind.JsonNode;

/** Sinch Numbers API v1, available numbers and regions (seed 002). */
@HttpExchange(url = "/v1/projects/{projectId}", accept = MediaType.APPLICATION_JSON_VALUE)
interface SinchAvailableApi {

	@GetExchange("/availableNumbers")
	JsonNode search(@PathVariable("projectId") String projectId, @RequestParam("regionCode") String regionCode,
			@RequestParam("type") String type,
			@RequestParam(name = "capabilities", required = false) @Nullable List<String> capabilities,
			@RequestParam(name = "numberPattern.pattern", required = false) @Nullable String pattern,
			@RequestParam(name = "numberPattern.searchPattern", required = false) @Nullable String searchPattern,
			@RequestParam(name = "size", required = false) @Nullable Integer size);

	@GetExchange("/availableNumbers/{phoneNumber}")
	JsonNode get(@PathVariable("projectId") String projectId, @PathVariable("phoneNumber") String phoneNumber);

	@PostExchange(url = "/availableNumbers/{phoneNumber}:rent", contentType = MediaType.APPLICATION_JSON_VALUE)
	JsonNode rent(@PathVariable("projectId") String projectId, @PathVariable("phoneNumber") String phoneNumber,
			@RequestBody SinchNumberUpdate body);

	@GetExchange("/availableRegions")
	JsonNode regions(@PathVariable("projectId") String projectId,
			@RequestParam(name = "types", required = false) @Nullable String types);
}
