package com.numberops.portal.users.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;

import com.numberops.portal.system.Confirmation;
import com.numberops.portal.system.Toast;
import com.numberops.portal.users.PasswordPolicy;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;
import com.numberops.portal.users.UserAdministration.UserRow;
import com.numberops.portal.users.UserChangeRefused;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

@Controller
@RequestMapping("/admin")
class UsersController {

	private static final String USERS_PAGE = "users/list";

	private static final String PASSWORD_PAGE = "users/password";

	private static final String ACCESS_PAGE = "users/access";

	private final UserAdministration administration;

	private final MessageSourceAccessor text;

	UsersController(UserAdministration administration, MessageSource messages) {
		this.administration = administration;
		this.text = new MessageSourceAccessor(messages);
	}

	@InitBinder
	void forbidIdBinding(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping("/users")
	String list(Model model) {
		return showList(model, new NewUserForm(), new TeamForm());
	}

	@PostMapping("/users")
	String create(@Valid @ModelAttribute("newUser") NewUserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		PasswordPolicy.problemWith(form.getPassword())
			.ifPresent(problem -> result.rejectValue("password", "policy", problem));
		if (!result.hasErrors()) {
			try {
				UserRow created = administration.create(form.toRequest());
				Toast.success("Created " + created.username() + " (" + created.role().label() + ").").flash(redirect);
				return "redirect:/admin/users";
			}
			catch (UserChangeRefused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("newUserOpen", true);
		return showList(model, form, new TeamForm());
	}

	@PostMapping("/teams")
	String createTeam(@Valid @ModelAttribute("newTeam") TeamForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				administration.createTeam(form.getName());
				Toast.success("Created the team " + form.getName().strip() + ".").flash(redirect);
				return "redirect:/admin/users";
			}
			catch (UserChangeRefused refused) {
				reject(result, refused);
			}
		}
		return showList(model, new NewUserForm(), form);
	}

	@PostMapping("/users/{id}/disable")
	Object disable(@PathVariable long id, HtmxRequest htmx, RedirectAttributes redirect, HttpServletRequest request,
			Model model) {
		if (!Confirmation.given(request)) {
			UserRow user = administration.user(id);
			model.addAttribute("confirmation", new Confirmation(
					text.getMessage("users.disable.confirm.question", new Object[] { user.displayName(), user.username() }),
					text.getMessage("users.disable.confirm.detail"), "/admin/users/" + id + "/disable", Map.of(),
					text.getMessage("users.disable"), "/admin/users"));
			return Confirmation.PAGE;
		}
		try {
			UserRow user = administration.disable(id);
			return answer(htmx, user, Toast.success("Disabled " + user.username() + "."), redirect);
		}
		catch (UserChangeRefused refused) {
			return answer(htmx, administration.user(id), Toast.error(refused.getMessage()), redirect);
		}
	}

	@PostMapping("/users/{id}/enable")
	Object enable(@PathVariable long id, HtmxRequest htmx, RedirectAttributes redirect) {
		UserRow user = administration.enable(id);
		return answer(htmx, user, Toast.success("Enabled " + user.username() + "."), redirect);
	}

	@PostMapping("/users/{id}/unlock")
	Object unlock(@PathVariable long id, HtmxRequest htmx, RedirectAttributes redirect) {
		UserRow user = administration.unlock(id);
		return answer(htmx, user, Toast.success("Unlocked " + user.username() + "."), redirect);
	}

	@GetMapping("/users/{id}/access")
	String accessForm(@PathVariable long id, Model model) {
		UserRow user = administration.user(id);
		return showAccess(model, user, AccessForm.of(user));
	}

	@PostMapping("/users/{id}/access")
	String changeAccess(@PathVariable long id, @Valid @ModelAttribute("accessForm") AccessForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		UserRow user = administration.user(id);
		if (!form.teamsAreIds()) {
			result.rejectValue("teamIds", "unknown", text.getMessage("users.access.teams.unknown"));
		}
		if (!result.hasErrors()) {
			try {
				UserRow changed = administration.changeAccess(id, form.chosenRole(), form.chosenTeams(),
						form.versionNumber());
				String teams = changed.allTeams() ? text.getMessage("users.all-teams")
						: String.join(", ", changed.teamNames());
				Toast.success(text.getMessage("users.access.changed",
						new Object[] { changed.username(), changed.role().label(), teams })).flash(redirect);
				return "redirect:/admin/users";
			}
			catch (UserChangeRefused refused) {
				reject(result, refused);
				if (refused.field() == null) {
					// changed meanwhile: the form shows what the user has now
					user = administration.user(id);
					return showAccess(model, user, AccessForm.of(user), result);
				}
			}
		}
		return showAccess(model, user, form);
	}

	private String showAccess(Model model, UserRow user, AccessForm form) {
		model.addAttribute("user", user);
		model.addAttribute("accessForm", form);
		model.addAttribute("teams", administration.teams());
		model.addAttribute("allTeamsAdmin", administration.administersAllTeams());
		return ACCESS_PAGE;
	}

	private String showAccess(Model model, UserRow user, AccessForm form, BindingResult errors) {
		BindingResult fresh = new BeanPropertyBindingResult(form, "accessForm");
		errors.getGlobalErrors().forEach(fresh::addError);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "accessForm", fresh);
		return showAccess(model, user, form);
	}

	@GetMapping("/users/{id}/password")
	String passwordForm(@PathVariable long id, Model model) {
		model.addAttribute("user", administration.user(id));
		model.addAttribute("passwordForm", new PasswordForm());
		return PASSWORD_PAGE;
	}

	@PostMapping("/users/{id}/password")
	String resetPassword(@PathVariable long id, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		UserRow user = administration.user(id);
		PasswordPolicy.problemWith(form.getPassword())
			.ifPresent(problem -> result.rejectValue("password", "policy", problem));
		if (!form.getPassword().equals(form.getConfirmation())) {
			result.rejectValue("confirmation", "mismatch", "The two passwords differ.");
		}
		if (!result.hasErrors()) {
			try {
				administration.resetPassword(id, form.getPassword());
				Toast.success("Set a new password for " + user.username() + "; the account is unlocked.").flash(redirect);
				return "redirect:/admin/users";
			}
			catch (UserChangeRefused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("user", user);
		return PASSWORD_PAGE;
	}

	private String showList(Model model, NewUserForm newUser, TeamForm newTeam) {
		model.addAttribute("users", administration.users());
		model.addAttribute("teams", administration.teams());
		model.addAttribute("allTeamsAdmin", administration.administersAllTeams());
		model.addAttribute("newUser", newUser);
		model.addAttribute("newTeam", newTeam);
		return USERS_PAGE;
	}

	/** htmx: the changed row and a toast; a plain form post: back to the list with the toast. */
	private Object answer(HtmxRequest htmx, UserRow user, Toast toast, RedirectAttributes redirect) {
		if (htmx.isHtmxRequest()) {
			return FragmentsRendering.fragment(USERS_PAGE + " :: row", Map.of("user", user))
				.fragment(toast.outOfBand())
				.build();
		}
		toast.flash(redirect);
		return "redirect:/admin/users";
	}

	private static void reject(BindingResult result, UserChangeRefused refused) {
		if (refused.field() != null) {
			result.rejectValue(refused.field(), "refused", refused.getMessage());
		}
		else {
			result.reject("refused", refused.getMessage());
		}
	}
}
