package org.vpnlint.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three answers of a query, and how preferences shape a witness. */
class Z3QueryTest {

    private final Z3Solver solver = new Z3Solver();

    @AfterEach
    void close() {
        solver.close();
    }

    @SuppressWarnings("unchecked")
    private SymbolicQuery<BoolExpr, BitVecExpr> query(Duration timeout) {
        return (SymbolicQuery<BoolExpr, BitVecExpr>) solver.newQuery("query test", timeout);
    }

    @Test
    void impossibleGoalIsProved() {
        var query = query(Duration.ofSeconds(5));
        var a = query.algebra();
        BitVecExpr port = a.freshBits("port", 16);
        query.require(a.between(port, a.bits(1000, 16), a.bits(2000, 16)));
        assertInstanceOf(QueryResult.Proved.class, query.check(a.eq(port, a.bits(22, 16))));
    }

    @Test
    void possibleGoalGivesAWitnessWithEveryVariable() {
        var query = query(Duration.ofSeconds(5));
        var a = query.algebra();
        BitVecExpr address = a.freshBits("dst", 32);
        BoolExpr up = a.freshBool("saUp");
        // inside 10.10.10.0/24 and the SA down
        query.require(a.eq(a.bitAnd(address, a.bits(0xffff_ff00L, 32)), a.bits(0x0a0a_0a00L, 32)));
        QueryResult result = query.check(a.not(up));
        QueryResult.Witness witness = assertInstanceOf(QueryResult.Witness.class, result);
        assertEquals(0x0a0a0a00L, witness.value("dst").longValue() & 0xffff_ff00L);
        assertEquals(BigInteger.ZERO, witness.value("saUp"));
    }

    @Test
    void earlierPreferencesWinAndImpossibleOnesAreDropped() {
        var query = query(Duration.ofSeconds(5));
        var a = query.algebra();
        BitVecExpr port = a.freshBits("port", 16);
        query.require(a.between(port, a.bits(1000, 16), a.bits(2000, 16)));
        query.prefer(a.eq(port, a.bits(22, 16))); // impossible with the requirement: ignored
        query.prefer(a.ule(port, a.bits(1024, 16)));
        query.prefer(a.eq(port, a.bits(1500, 16))); // contradicts the earlier preference: ignored
        query.prefer(a.eq(port, a.bits(1024, 16)));
        QueryResult.Witness witness = assertInstanceOf(QueryResult.Witness.class, query.check(a.bool(true)));
        assertEquals(1024, witness.value("port").intValue());
    }

    @Test
    void theFirstAlternativeThatCanHoldIsKeptAndWeighsMoreThanLaterPreferences() {
        var query = query(Duration.ofSeconds(5));
        var a = query.algebra();
        BitVecExpr protocol = a.freshBits("protocol", 8);
        BitVecExpr port = a.freshBits("port", 16);
        query.require(a.not(a.eq(protocol, a.bits(6, 8)))); // not TCP
        query.require(a.implies(a.eq(protocol, a.bits(17, 8)), a.ule(a.bits(1000, 16), port)));
        var protocols = Preference.firstOf(java.util.List.of(
                a.eq(protocol, a.bits(6, 8)), a.eq(protocol, a.bits(17, 8)), a.eq(protocol, a.bits(1, 8))));
        var lowPort = Preference.of(a.eq(port, a.bits(22, 16))); // impossible once UDP is kept
        QueryResult.Witness witness = assertInstanceOf(
                QueryResult.Witness.class, query.check(a.bool(true), java.util.List.of(protocols, lowPort)));
        assertEquals(17, witness.value("protocol").intValue());
        assertTrue(witness.value("port").intValue() >= 1000);
    }

    @Test
    void whenEveryMostWantedAlternativeCanHoldTheyAllShapeTheWitness() {
        var query = query(Duration.ofSeconds(5));
        var a = query.algebra();
        BitVecExpr src = a.freshBits("src", 32);
        BitVecExpr port = a.freshBits("port", 16);
        query.require(a.eq(a.bitAnd(src, a.bits(0xffff_ff00L, 32)), a.bits(0xc0a8_0a00L, 32))); // 192.168.10.0/24
        var host = Preference.firstOf(
                java.util.List.of(a.eq(src, a.bits(0xc0a8_0a64L, 32)), a.eq(src, a.bits(0xc0a8_0a01L, 32))));
        var ssh = Preference.firstOf(java.util.List.of(a.eq(port, a.bits(22, 16)), a.eq(port, a.bits(443, 16))));
        QueryResult.Witness witness =
                assertInstanceOf(QueryResult.Witness.class, query.check(a.bool(true), java.util.List.of(host, ssh)));
        assertEquals(0xc0a80a64L, witness.value("src").longValue());
        assertEquals(22, witness.value("port").intValue());
    }

    @Test
    void aQueryCanBeAskedSeveralGoals() {
        var query = query(Duration.ofSeconds(5));
        var a = query.algebra();
        BitVecExpr port = a.freshBits("port", 16);
        query.require(a.ule(port, a.bits(10, 16)));
        assertInstanceOf(QueryResult.Proved.class, query.check(a.eq(port, a.bits(11, 16))));
        // the first goal is not left behind as a fact
        assertInstanceOf(QueryResult.Witness.class, query.check(a.eq(port, a.bits(3, 16))));
    }

    /**
     * Pigeonhole: 12 pigeons in 11 holes, one hole each, no hole shared. Unsatisfiable, and exponentially hard for
     * Z3's resolution, so 1 ms is far too little: the answer must be Unknown, never Proved or a witness.
     */
    @Test
    void hardGoalWithATinyTimeoutIsUnknownWithItsReason() {
        var query = query(Duration.ofMillis(1));
        var a = query.algebra();
        int holes = 11;
        int pigeons = holes + 1;
        BoolExpr[][] in = new BoolExpr[pigeons][holes];
        BoolExpr everyPigeonHoused = a.bool(true);
        for (int p = 0; p < pigeons; p++) {
            BoolExpr somewhere = a.bool(false);
            for (int h = 0; h < holes; h++) {
                in[p][h] = a.freshBool("p" + p + "h" + h);
                somewhere = a.or(somewhere, in[p][h]);
            }
            everyPigeonHoused = a.and(everyPigeonHoused, somewhere);
        }
        for (int h = 0; h < holes; h++) {
            for (int p = 0; p < pigeons; p++) {
                for (int q = p + 1; q < pigeons; q++) query.require(a.not(a.and(in[p][h], in[q][h])));
            }
        }
        QueryResult result = query.check(everyPigeonHoused);
        QueryResult.Unknown unknown = assertInstanceOf(QueryResult.Unknown.class, result);
        assertTrue(unknown.reason().startsWith("timeout after 1 ms"), unknown.reason());
        assertTrue(unknown.reason().contains("query test"), unknown.reason());
    }
}
