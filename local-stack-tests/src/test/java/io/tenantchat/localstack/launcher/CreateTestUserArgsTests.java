package io.tenantchat.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreateTestUserArgsTests {

    @Test
    void parsesTenantEmailAndPassword() {
        CreateTestUserArgs args = CreateTestUserArgs.parse("--tenant", "tenant-007", "--email", "bond@tenant-007.example",
                "--password", "Secret-passw0rd");

        assertThat(args).isEqualTo(new CreateTestUserArgs("tenant-007", "bond@tenant-007.example", "Secret-passw0rd"));
    }

    @Test
    void leavesThePasswordOutWhenNotGiven() {
        assertThat(CreateTestUserArgs.parse("--email", "a@b.example", "--tenant", "t1").password()).isNull();
    }

    @Test
    void takesATenantAdminOrPlatformOperatorGroupAndNothingElse() {
        assertThat(CreateTestUserArgs.parse("--tenant", "t1", "--email", "a@b.example", "--group", "tenant-admin")
                .group()).isEqualTo("tenant-admin");
        assertThat(CreateTestUserArgs.parse("--tenant", "t1", "--email", "a@b.example", "--group", "platform-operator")
                .group()).isEqualTo("platform-operator");
        assertThat(CreateTestUserArgs.parse("--tenant", "t1", "--email", "a@b.example").group()).isNull();
        assertThatThrownBy(() -> CreateTestUserArgs.parse("--tenant", "t1", "--email", "a@b.example", "--group",
                "root")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid group 'root'");
    }

    @Test
    void rejectsAnInvalidTenantId() {
        assertThatThrownBy(() -> CreateTestUserArgs.parse("--tenant", "tenant#1", "--email", "a@b.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid tenant id 'tenant#1'");
    }

    @Test
    void requiresAnEmail() {
        assertThatThrownBy(() -> CreateTestUserArgs.parse("--tenant", "t1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid email 'null'")
                .hasMessageContaining("usage: create-test-user");
    }

    @Test
    void rejectsUnknownOrIncompleteOptions() {
        assertThatThrownBy(() -> CreateTestUserArgs.parse("--tenant", "t1", "--email", "a@b.example", "--admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected argument '--admin'");
    }
}
