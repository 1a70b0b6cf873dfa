package org.newsroom.content.webhook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1",
            "100.64.0.1", "100.127.255.255", "224.0.0.1", "ff02::1", "0.1.2.3", "192.0.0.8", "198.18.0.1",
            "240.0.0.1", "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:7f00:1::"})
    void refusesAddressesThatAreNotPublic(String literal) throws UnknownHostException {
        assertNotNull(AddressRule.refusal(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1",
            "192.0.2.1", "2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888", "::ffff:8.8.8.8",
            "64:ff9b::808:808", "2002:808:808::"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertNull(AddressRule.refusal(InetAddress.getByName(literal)), literal);
    }
}
