package dev.streamcat.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsTest {
    @Test
    void acceptsIvsNames() {
        assertThat(Credentials.usernameProblems("a")).isEmpty();
        assertThat(Credentials.usernameProblems("Cat-Stream_42")).isEmpty();
        assertThat(Credentials.usernameProblems("x".repeat(128))).isEmpty();
    }

    @Test
    void rejectsNamesOutsideTheIvsRules() {
        assertThat(Credentials.usernameProblems("")).isNotEmpty();
        assertThat(Credentials.usernameProblems("x".repeat(129))).isNotEmpty();
        assertThat(Credentials.usernameProblems("with space")).isNotEmpty();
        assertThat(Credentials.usernameProblems("émile")).isNotEmpty();
        assertThat(Credentials.usernameProblems("../admin")).isNotEmpty();
    }

    @Test
    void enforcesThePasswordPolicy() {
        assertThat(Credentials.passwordProblems("alice", "correct horse")).isEmpty();
        assertThat(Credentials.passwordProblems("alice", "short"))
                .containsExactly("Passwords need at least 8 characters.");
        assertThat(Credentials.passwordProblems("alice", "p".repeat(129))).hasSize(1);
        assertThat(Credentials.passwordProblems("alice1234", "ALICE1234"))
                .containsExactly("Your password must not be your username.");
        assertThat(Credentials.passwordProblems("alice", "password123")).hasSize(1);
        assertThat(Credentials.passwordProblems("alice", "        ")).contains("Passwords cannot be only spaces.");
    }
}
