package com.example.cms;

import jakarta.validation.constraints.NotBlank;
import org.poltwt.validation.GovernmentEmail;
import org.poltwt.validation.TwitterHandle;

/**
 * A CMS's own sign-up form, with poltwt's constraints on its fields: what the README's embedding
 * section shows.
 *
 * @param handle the account's Twitter handle
 * @param email the agency's or officer's work address
 */
public record SignupForm(
    @NotBlank @TwitterHandle String handle, @NotBlank @GovernmentEmail String email) {}
