package forkbench.report.view;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportViewTest {

    @Test
    void roundSizesReadAsPowersOfTen() {
        assertEquals("10³", ReportView.powerOfTen("1000"));
        assertEquals("10⁶", ReportView.powerOfTen("1e6"));
        assertEquals("2·10⁹", ReportView.powerOfTen("2_000_000_000"));
        assertEquals("4·10⁶", ReportView.powerOfTen("4000000"));
        assertEquals("2.5·10¹⁰", ReportView.powerOfTen("25000000000"));
        assertEquals("12345", ReportView.powerOfTen("12345"), "not round: as written");
        assertEquals("500", ReportView.powerOfTen("500"), "small: as written");
        assertEquals("big", ReportView.powerOfTen("big"));
    }
}
