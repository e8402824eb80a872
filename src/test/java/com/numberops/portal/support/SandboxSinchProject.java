package com.numberops.portal.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.numberops.portal.providers.ProvidersProperties;

/**
 * The SMS service plans and 10DLC campaigns of the simulated Sinch project. The sandbox links a
 * number only to those its project has (else the provisioning job ends FAILED, as at Sinch), so a
 * test that writes numbers straight into the sandbox tables, or links made-up ids, says here that
 * the project has them, as a real account would.
 */
public final class SandboxSinchProject {

	private SandboxSinchProject() {
	}

	/** The project has this plan and campaign ({@code ""} or null: nothing to add). */
	public static void has(JdbcClient sandbox, String servicePlanId, String campaignId) {
		add(sandbox, "SERVICE_PLAN", servicePlanId);
		add(sandbox, "CAMPAIGN", campaignId);
	}

	/** The project has this voice app: a :rent naming one it does not have is refused. */
	public static void hasVoiceApp(JdbcClient sandbox, String appId) {
		add(sandbox, "VOICE_APP", appId);
	}

	private static void add(JdbcClient sandbox, String kind, String id) {
		if (id == null || id.isEmpty()) {
			return;
		}
		sandbox.sql("insert into sinch_project_sms (project_id, kind, id) values (:project, :kind, :id) on conflict do nothing")
			.param("project", ProvidersProperties.SANDBOX_SINCH_PROJECT)
			.param("kind", kind)
			.param("id", id)
			.update();
	}
}
