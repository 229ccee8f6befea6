package org.openkiosk.device.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksIdNumbersKeepingFourEachSide() {
        assertThat(Masking.idNumber("620102198507170722")).isEqualTo("6201**********0722");
    }

    @Test
    void masksNames() {
        assertThat(Masking.name("欧阳梅")).isEqualTo("欧*梅");
        assertThat(Masking.name("欧阳春梅")).isEqualTo("欧**梅");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("李")).isEqualTo("*");
        assertThat(Masking.name("𠮷野家")).isEqualTo("𠮷*家");
        assertThat(Masking.name("JOHN SMITH")).isEqualTo("J*** ****H");
    }
}
