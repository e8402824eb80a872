package com.numberops.portal.sandbox.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.system.ForAdminsOfEveryTeam;

/**
 * The admin's fault switches, as a service: only simulated APIs take faults (a live carrier has
 * no sandbox routes), and only admins may switch them.
 */
@Service
public class SandboxFaultsView {

	public record ActiveFault(SandboxApi api, String endpoint, Fault fault) {
	}

	private final SandboxFaults faults;

	private final ProvidersProperties providers;

	SandboxFaultsView(SandboxFaults faults, ProvidersProperties providers) {
		this.faults = faults;
		this.providers = providers;
	}

	public boolean enabled() {
		return !apis().isEmpty();
	}

	/** The APIs served by the sandbox right now. */
	public List<SandboxApi> apis() {
		return java.util.Arrays.stream(SandboxApi.values()).filter(this::simulated).toList();
	}

	public boolean simulated(SandboxApi api) {
		return api == SandboxApi.FLOWROUTE ? !providers.flowroute().live() : !providers.sinch().live();
	}

	public List<ActiveFault> active() {
		return faults.active().entrySet().stream()
			.map((Map.Entry<SandboxFaults.Key, Fault> entry) -> new ActiveFault(entry.getKey().api(),
					entry.getKey().endpoint(), entry.getValue()))
			.toList();
	}

	/** Switches a fault on (or off, when every value is zero). */
	@ForAdminsOfEveryTeam
	public void set(SandboxApi api, String endpoint, Fault fault) {
		if (!simulated(api)) {
			throw new IllegalArgumentException(api + " talks to the live carrier: it has no sandbox to break.");
		}
		if (!endpoint.equals(SandboxFaults.EVERY_ENDPOINT) && !api.endpoints().contains(endpoint)) {
			throw new IllegalArgumentException("Unknown endpoint " + endpoint + " for " + api + ".");
		}
		faults.set(api, endpoint, fault);
	}

	@ForAdminsOfEveryTeam
	public void clear(SandboxApi api, String endpoint) {
		faults.set(api, endpoint, Fault.NONE);
	}

	@ForAdminsOfEveryTeam
	public void clearAll() {
		faults.clearAll();
	}
}
