package com.numberops.portal.providers.flowroute;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * Flowroute v2 numbers, as far as the portal uses them. Documents are typed down to the
 * resource; each number resource stays a {@link JsonNode} so that the carrier's own JSON is kept
 * whole for display ({@code ProviderNumber.raw}) and {@link FlowrouteMapping} reads it.
 */
@HttpExchange(accept = FlowrouteApi.JSON_API)
interface FlowrouteApi {

	String JSON_API = "application/vnd.api+json";

	@GetExchange("/v2/numbers")
	NumberList list(@RequestParam int limit, @RequestParam int offset,
			@RequestParam(name = "starts_with", required = false) @Nullable String startsWith,
			@RequestParam(required = false) @Nullable String contains,
			@RequestParam(name = "ends_with", required = false) @Nullable String endsWith);

	/** Numbers for sale; {@code rate_center} needs {@code state}. */
	@GetExchange("/v2/numbers/available")
	NumberList available(@RequestParam int limit, @RequestParam int offset,
			@RequestParam(name = "starts_with", required = false) @Nullable String startsWith,
			@RequestParam(required = false) @Nullable String contains,
			@RequestParam(name = "ends_with", required = false) @Nullable String endsWith,
			@RequestParam(name = "rate_center", required = false) @Nullable String rateCenter,
			@RequestParam(required = false) @Nullable String state);

	/** Buys a number for sale: 201 with the number resource. */
	@PostExchange("/v2/numbers/{id}")
	NumberDocument purchase(@PathVariable String id);

	@GetExchange("/v2/numbers/{id}")
	NumberDocument get(@PathVariable String id);

	/** 200, or 207 when the number was updated but messaging could not be enabled. */
	@PatchExchange(url = "/v2/numbers/{id}", contentType = JSON_API)
	ResponseEntity<NumberDocument> update(@PathVariable String id, @RequestBody NumberPatch patch);

	@DeleteExchange("/v2/numbers/{id}")
	ResponseEntity<Void> delete(@PathVariable String id);

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Links(@Nullable String self, @Nullable String next) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record NumberList(@Nullable List<JsonNode> data, @Nullable List<JsonNode> included, @Nullable Links links) {
	}

	/** One number; a 207 also carries {@code errors} about the part that failed. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record NumberDocument(@Nullable JsonNode data, @Nullable List<JsonNode> included, @Nullable JsonNode errors) {
	}

	/**
	 * The flat body of seed 004's examples, {@code {"type": "number", "alias": ...}}: only what
	 * changes is sent (absent fields stay as they are at Flowroute).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record NumberPatch(String type, @Nullable String alias,
			@JsonProperty("cnam_lookups_enabled") @Nullable Boolean cnamLookupsEnabled,
			@JsonProperty("messaging_enabled") @Nullable Boolean messagingEnabled) {

		NumberPatch(@Nullable String alias, @Nullable Boolean cnamLookupsEnabled, @Nullable Boolean messagingEnabled) {
			this("number", alias, cnamLookupsEnabled, messagingEnabled);
		}
	}
}
