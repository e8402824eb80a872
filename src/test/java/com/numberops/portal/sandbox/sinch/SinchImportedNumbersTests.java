package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Imported numbers under /sandbox/sinch-imported over HTTP, against seed 000: the list needs its
 * servicePlanId and campaignId filters; errors are seed 000's flat body
 * {@code {"code": "404", "message": ..., "status": "NOT_FOUND"}} (code a string, no details).
 */
class SinchImportedNumbersTests extends SinchSandboxTest {

	void assertFlatError(Reply reply, int status, String statusName) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
		assertThat(reply.body().get("code").isString()).isTrue();
		assertThat(reply.body().get("code").stringValue()).isEqualTo(String.valueOf(status));
		assertThat(reply.body().get("status").stringValue()).isEqualTo(statusName);
		assertThat(reply.body().get("message").stringValue()).isNotBlank();
		assertThat(reply.body().has("error")).isFalse();
		assertThat(reply.body().has("details")).isFalse();
	}

	@Test
	void listingRequiresServicePlanIdAndCampaignId() {
		Reply neither = get(imported("/importedNumbers"));
		assertFlatError(neither, 400, "INVALID_ARGUMENT");
		assertThat(neither.body().get("message").stringValue()).contains("servicePlanId").contains("campaignId");
		assertFlatError(get(imported("/importedNumbers?servicePlanId=sp-growth-01")), 400, "INVALID_ARGUMENT");
		assertFlatError(get(imported("/importedNumbers?campaignId=CA1B2C3")), 400, "INVALID_ARGUMENT");
	}

	@Test
	void pagingThroughAPlanAndCampaignFindsEveryNumberOnce() {
		Set<String> mine = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			mine.add(createImportedNumber("sp-imp-page", "CIMPPAGE", "Imported " + i));
		}
		createImportedNumber("sp-imp-page", "", "No campaign");
		List<String> seen = new ArrayList<>();
		String token = "";
		do {
			Reply page = get(imported("/importedNumbers?servicePlanId=sp-imp-page&campaignId=CIMPPAGE&pageSize=2"
					+ (token.isEmpty() ? "" : "&pageToken=" + enc(token))));
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body().get("totalSize").intValue()).isEqualTo(5);
			page.body().get("importedNumbers").forEach(n -> seen.add(n.get("phoneNumber").stringValue()));
			token = page.body().get("nextPageToken").stringValue();
		}
		while (!token.isEmpty());
		assertThat(seen).doesNotHaveDuplicates().isSorted();
		assertThat(new HashSet<>(seen)).isEqualTo(mine);

		// "" lists the numbers that are not linked to a campaign
		Reply unlinked = get(imported("/importedNumbers?servicePlanId=sp-imp-page&campaignId="));
		assertThat(unlinked.body().get("totalSize").intValue()).isEqualTo(1);
	}

	@Test
	void anImportedNumberHasSeed000sFields() {
		String number = createImportedNumber("sp-imp-wire", "CIMPWIRE", "Imported wire");
		Reply reply = get(imported("/importedNumbers/" + number));
		assertThat(reply.status()).isEqualTo(200);
		JsonNode n = reply.body();
		assertThat(n.get("phoneNumber").stringValue()).isEqualTo(number);
		assertThat(n.get("projectId").stringValue()).isEqualTo(PROJECT);
		assertThat(n.get("regionCode").stringValue()).isEqualTo("US");
		assertThat(n.get("displayName").stringValue()).isEqualTo("Imported wire");
		assertThat(n.get("smsConfiguration").get("servicePlanId").stringValue()).isEqualTo("sp-imp-wire");
		assertThat(n.get("smsConfiguration").get("campaignId").stringValue()).isEqualTo("CIMPWIRE");
		assertThat(n.get("smsConfiguration").get("migrateToSinchTmo").isBoolean()).isTrue();
		assertThat(n.get("smsConfiguration").get("scheduledProvisioning").isNull()).isTrue();
		assertThat(n.has("callbackUrl")).isTrue();
		// an imported number is not an active one
		assertThat(get(active("/activeNumbers/" + number)).status()).isEqualTo(404);
	}

	@Test
	void unknownNumbersAndProjectsAreFlat404s() {
		assertFlatError(get(imported("/importedNumbers/+15550000002")), 404, "NOT_FOUND");
		assertFlatError(patch(imported("/importedNumbers/+15550000002"), "{\"displayName\": \"x\"}"), 404,
				"NOT_FOUND");
		assertFlatError(get("/sandbox/sinch-imported/v1/projects/nobody/importedNumbers/+15550000002"), 404,
				"NOT_FOUND");
	}

	@Test
	void patchRenamesAndFollowsTheUnlinkBeforeLinkRuleWithFlatErrors() {
		String number = createImportedNumber("sp-imp-a", "CIMPA", "Before");
		Reply renamed = patch(imported("/importedNumbers/" + number), """
				{"displayName": "After"}""");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.body().get("displayName").stringValue()).isEqualTo("After");

		Reply other = patch(imported("/importedNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-imp-b"}}""");
		assertFlatError(other, 400, "INVALID_ARGUMENT");
		assertThat(other.body().get("message").stringValue()).contains("smsConfiguration.servicePlanId")
			.contains("unlink");
		assertFlatError(patch(imported("/importedNumbers/" + number), "{\"smsConfiguration\": {}}"), 400,
				"INVALID_ARGUMENT");
		assertFlatError(patch(imported("/importedNumbers/" + number), "{not json"), 400, "INVALID_ARGUMENT");
		// imported numbers have no voice configuration (seed 000)
		assertFlatError(patch(imported("/importedNumbers/" + number), "{\"voiceConfiguration\": {\"appId\": \"a\"}}"),
				400, "INVALID_ARGUMENT");
	}

	@Test
	void anImportedNumbersScheduledProvisioningHasAnIntegerStatus() {
		String number = createImportedNumber("sp-imp-c", "CIMPC", "Job");
		// seed 000 does not require servicePlanId: the campaign alone can be unlinked
		Reply unlink = patch(imported("/importedNumbers/" + number), """
				{"smsConfiguration": {"campaignId": ""}}""");
		assertThat(unlink.status()).isEqualTo(200);
		JsonNode job = unlink.body().get("smsConfiguration").get("scheduledProvisioning");
		// seed 000: "status (integer)"; the enum's position in seed 001: 1 WAITING, 2 IN_PROGRESS, 3 FAILED
		assertThat(job.get("status").isInt()).isTrue();
		assertThat(job.get("status").intValue()).isEqualTo(1);
		assertThat(job.get("campaignId").stringValue()).isEmpty();
		assertThat(job.get("servicePlanId").stringValue()).isEqualTo("sp-imp-c");

		JsonNode settled = await(Duration.ofSeconds(10), () -> get(imported("/importedNumbers/" + number)).body(),
				n -> n.get("smsConfiguration").get("scheduledProvisioning").isNull(), "the unlink to be applied");
		assertThat(settled.get("smsConfiguration").get("campaignId").stringValue()).isEmpty();
		assertThat(settled.get("smsConfiguration").get("servicePlanId").stringValue()).isEqualTo("sp-imp-c");
	}
}
