package cx.wonderful.simulator.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptedAgentTest {

    private final ScriptedAgent agent = new ScriptedAgent();

    @Test
    void echoesEveryOtherText() {
        assertEquals(new ScriptedAgent.Reply("You said: Hello there", false), agent.reply("Hello there"));
        assertEquals(new ScriptedAgent.Reply("You said: bye for now", false), agent.reply("bye for now"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bye", "Bye!", "  GOODBYE.  ", "goodbye"})
    void saysGoodbyeAndEndsOnAFarewell(String text) {
        assertEquals(new ScriptedAgent.Reply(ScriptedAgent.GOODBYE, true), agent.reply(text));
    }
}
