package com.numberops.portal.sandbox.web;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.system.Toast;

@Controller
@RequestMapping("/admin/providers/faults")
class SandboxFaultsController {

	private final SandboxFaultsView faults;

	SandboxFaultsController(SandboxFaultsView faults) {
		this.faults = faults;
	}

	@PostMapping
	String set(@Valid @ModelAttribute("faultForm") FaultForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			Toast.error("Fault not changed: " + result.getAllErrors().get(0).getDefaultMessage()).flash(redirect);
			return "redirect:/admin/providers";
		}
		try {
			faults.set(form.getApi(), form.getEndpoint(), form.toFault());
			Toast.success("Fault on " + form.getApi() + " " + form.getEndpoint() + " set.").flash(redirect);
		}
		catch (IllegalArgumentException refused) {
			Toast.error("Fault not changed: " + refused.getMessage()).flash(redirect);
		}
		return "redirect:/admin/providers";
	}

	@PostMapping("/clear")
	String clear(@RequestParam SandboxApi api, @RequestParam String endpoint, RedirectAttributes redirect) {
		faults.clear(api, endpoint);
		Toast.success("Fault on " + api + " " + endpoint + " cleared.").flash(redirect);
		return "redirect:/admin/providers";
	}

	@PostMapping("/clear-all")
	String clearAll(RedirectAttributes redirect) {
		faults.clearAll();
		Toast.success("Every sandbox fault cleared.").flash(redirect);
		return "redirect:/admin/providers";
	}
}
