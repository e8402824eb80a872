package com.numberops.portal.users;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

	private final Users users;

	PortalUserDetailsService(Users users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(UserRegistry.normalizeUsername(username))
			.map(PortalPrincipal::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}
}
