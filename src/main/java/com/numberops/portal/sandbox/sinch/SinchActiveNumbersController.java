package com.numberops.portal.sandbox.sinch;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxEndpoint;

/**
 * Sinch Numbers API v1 (seed 002, PATCH as seed 001) under {@code /sandbox/sinch}: active numbers,
 * available numbers, available regions. Query parameters arrive as text and are checked by
 * {@link SinchRules}, so that a bad value gets Sinch's 400 with a field violation rather than
 * Spring's own error.
 */
@RestController
@RequestMapping("/sandbox/sinch/v1/projects/{projectId}")
@Conditional(SandboxConditions.Sinch.class)
class SinchActiveNumbersController {

	private final SinchSandbox sinch;

	SinchActiveNumbersController(SinchSandbox sinch) {
		this.sinch = sinch;
	}

	@GetMapping("/activeNumbers")
	@SandboxEndpoint(api = SandboxApi.SINCH, value = "list")
	Map<String, Object> list(@PathVariable String projectId, @RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(name = "numberPattern.pattern", required = false) @Nullable String pattern,
			@RequestParam(name = "numberPattern.searchPattern", required = false) @Nullable String searchPattern,
			@RequestParam(required = false) @Nullable List<String> capability,
			@RequestParam(required = false) @Nullable String orderBy,
			@RequestParam(required = false) @Nullable String pageSize,
			@RequestParam(required = false) @Nullable String pageToken) {
		return sinch.listActive(projectId, SinchRules.activeListQuery(regionCode, type, pattern, searchPattern,
				capability, orderBy, pageSize, pageToken));
	}

	@GetMapping("/activeNumbers/{phoneNumber}")
	@SandboxEndpoint(api = SandboxApi.SINCH, value = "get")
	Map<String, Object> get(@PathVariable String projectId, @PathVariable String phoneNumber) {
		return sinch.getActive(projectId, phoneNumber);
	}

	@PatchMapping("/activeNumbers/{phoneNumber}")
	@SandboxEndpoint(api = SandboxApi.SINCH, value = "patch")
	Map<String, Object> patch(@PathVariable String projectId, @PathVariable String phoneNumber,
			@RequestBody(required = false) @Nullable String body) {
		return sinch.patchActive(projectId, phoneNumber, body);
	}

	@PostMapping("/activeNumbers/{phoneNumber}:release")
	@SandboxEndpoint(api = SandboxApi.SINCH, value = "release")
	Map<String, Object> release(@PathVariable String projectId, @PathVariable String phoneNumber) {
		return sinch.release(projectId, phoneNumber);
	}

	@GetMapping("/availableNumbers")
	@SandboxEndpoint(api = SandboxApi.SINCH, value = "available")
	Map<String, Object> available(@PathVariable String projectId,
			@RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(name = "numberPattern.pattern", required = false) @Nullable String pattern,
			@RequestParam(name = "numberPattern.searchPattern", required = false) @Nullable String searchPattern,
			@RequestParam(required = false) @Nullable List<String> capabilities,
			@RequestParam(required = false) @Nullable String size) {
		return sinch.searchAvailable(projectId,
				SinchRules.availableQuery(regionCode, type, pattern, searchPattern, capabilities, size));
	}

	@GetMapping("/availableNumbers/{phoneNumber}")
	@SandboxEndpoint(api = SandboxApi.SINCH, value = "available")
	Map<String, Object> availableNumber(@PathVariable String projectId, @PathVariable String phoneNumber) {
		return sinch.getAvailable(projectId, phoneNumber);
	}

	@PostMapping("/availableNumbers/{phoneNumber}:rent")
	@SandboxEndpoint(api = SandboxApi.SINCH, value = "rent")
	Map<String, Object> rent(@PathVariable String projectId, @PathVariable String phoneNumber,
			@RequestBody(required = false) @Nullable String body) {
		return sinch.rent(projectId, phoneNumber, body);
	}

	@GetMapping("/availableRegions")
	@SandboxEndpoint(api = SandboxApi.SINCH, value = "regions")
	Map<String, Object> regions(@PathVariable String projectId,
			@RequestParam(required = false) @Nullable List<String> types) {
		return sinch.regions(projectId, types);
	}
}
