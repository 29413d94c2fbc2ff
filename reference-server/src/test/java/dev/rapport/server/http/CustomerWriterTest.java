package dev.rapport.server.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.api.customer.Customer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written customer JSON is, byte for byte, what Jackson's record mapping writes, wherever one appears. */
class CustomerWriterTest {
    private final ObjectMapper written = Json.mapper();
    private final ObjectMapper mapped = Json.recordMapper();

    @Property(tries = 400)
    void aCustomerIsWrittenAsTheRecordMappingWritesIt(@ForAll("customers") Customer customer) throws Exception {
        assertThat(written.writeValueAsString(customer)).isEqualTo(mapped.writeValueAsString(customer));
    }

    @Property(tries = 100)
    void aPageOfCustomersIsWrittenAsTheRecordMappingWritesIt(@ForAll("customers") Customer first,
                                                             @ForAll("customers") Customer second) throws Exception {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", List.of(first, second));
        page.put("nextCursor", "abc");
        assertThat(written.writeValueAsBytes(page)).isEqualTo(mapped.writeValueAsBytes(page));
    }

    @Property(tries = 100)
    void aCustomerUnwrappedBesideOtherFieldsIsWrittenAsTheRecordMappingWritesIt(
            @ForAll("customers") Customer customer) throws Exception {
        var prefixed = new Prefixed(customer, 3);
        assertThat(written.writeValueAsString(prefixed)).isEqualTo(mapped.writeValueAsString(prefixed))
                .contains("\"customer_code\":");
    }

    @Example
    void theWriterIsTheOneTheServerUses() throws Exception {
        assertThat(written.getSerializerProviderInstance().findValueSerializer(Customer.class))
                .isInstanceOf(CustomerWriter.class);
        assertThat(mapped.getSerializerProviderInstance().findValueSerializer(Customer.class))
                .isNotInstanceOf(CustomerWriter.class);
    }

    @Provide
    Arbitrary<Customer> customers() {
        return Arbitraries.randomValue(random -> new RandomRecords(random).customer());
    }

    record Prefixed(@JsonUnwrapped(prefix = "customer_") Customer customer, int rank) {
    }
}
