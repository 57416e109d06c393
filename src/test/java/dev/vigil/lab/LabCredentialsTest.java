package dev.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabCredentialsTest {
    @Test
    void credentialsNeverPrintTheirPasswords() {
        LabCredentials creds = LabCredentials.generate();
        assertThat(creds.toString()).doesNotContain(creds.superuserPassword()).doesNotContain(creds.monitorPassword());
        assertThat(creds.superuserPassword()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(creds.replicationPassword());
    }
}
