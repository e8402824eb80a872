package com.numberops.portal.sandbox.sinch;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxEndpoint;

/**
 * Sinch imported numbers (seed 000) under {@code /sandbox/sinch-imported}. Its errors are seed
 * 000's flat body ({@code {"code": "404", "message": ..., "status": "NOT_FOUND"}}).
 */
@RestController
@RequestMapping("/sandbox/sinch-imported/v1/projects/{projectId}")
@Conditional(SandboxConditions.Sinch.class)
class SinchImportedNumbersController {

	private final SinchSandbox sinch;

	SinchImportedNumbersController(SinchSandbox sinch) {
		this.sinch = sinch;
	}

	@GetMapping("/importedNumbers")
	@SandboxEndpoint(api = SandboxApi.SINCH_IMPORTED, value = "list")
	Map<String, Object> list(@PathVariable String projectId,
			@RequestParam(required = false) @Nullable String servicePlanId,
			@RequestParam(required = false) @Nullable String campaignId,
			@RequestParam(required = false) @Nullable String pageSize,
			@RequestParam(required = false) @Nullable String pageToken) {
		return sinch.listImported(projectId,
				SinchRules.importedListQuery(servicePlanId, campaignId, pageSize, pageToken));
	}

	@GetMapping("/importedNumbers/{phoneNumber}")
	@SandboxEndpoint(api = SandboxApi.SINCH_IMPORTED, value = "get")
	Map<String, Object> get(@PathVariable String projectId, @PathVariable String phoneNumber) {
		return sinch.getImported(projectId, phoneNumber);
	}

	@PatchMapping("/importedNumbers/{phoneNumber}")
	@SandboxEndpoint(api = SandboxApi.SINCH_IMPORTED, value = "patch")
	Map<String, Object> patch(@PathVariable String projectId, @PathVariable String phoneNumber,
			@RequestBody(required = false) @Nullable String body) {
		return sinch.patchImported(projectId, phoneNumber, body);
	}
}
