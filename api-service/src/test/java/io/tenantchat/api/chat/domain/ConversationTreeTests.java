package io.tenantchat.api.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.shared.MessageId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationTreeTests {

    private Instant idTime = Instant.parse("2026-12-03T10:00:00Z");
    private final Map<MessageId, TurnParent> turns = new LinkedHashMap<>();

    private MessageId turn(TurnParent parent) {
        idTime = idTime.plusMillis(1);
        MessageId id = MessageId.next(Clock.fixed(idTime, ZoneOffset.UTC));
        turns.put(id, parent);
        return id;
    }

    private MessageId linear() {
        return turn(TurnParent.IMPLICIT);
    }

    private MessageId under(MessageId parent) {
        return turn(TurnParent.of(parent));
    }

    private ConversationTree tree(Map<String, MessageId> choices) {
        return new ConversationTree(turns, choices);
    }

    @Test
    void turnsStoredBeforeTheSessionBranchedFollowEachOther() {
        MessageId a = linear();
        MessageId b = linear();
        MessageId c = linear();

        ConversationTree tree = tree(Map.of());

        assertThat(tree.activePath()).containsExactly(a, b, c);
        assertThat(tree.parentOf(a)).isEmpty();
        assertThat(tree.parentOf(c)).contains(b);
        assertThat(tree.siblingsOf(b)).containsExactly(b);
    }

    @Test
    void theNewestSiblingIsActiveUnlessAnotherWasChosen() {
        MessageId a = linear();
        MessageId b = linear();
        MessageId regenerated = under(a);

        assertThat(tree(Map.of()).activePath()).containsExactly(a, regenerated);
        assertThat(tree(Map.of()).siblingsOf(b)).containsExactly(b, regenerated);
        assertThat(tree(Map.of(a.value(), b)).activePath()).containsExactly(a, b);
    }

    @Test
    void aLinkedTurnAmongOldOnesDoesNotBreakTheirChain() {
        MessageId a = linear();
        MessageId regenerated = turn(TurnParent.ROOT);
        MessageId b = linear(); // stored by a plain send that committed before the first regeneration

        ConversationTree tree = tree(Map.of());

        assertThat(tree.parentOf(b)).contains(a);
        assertThat(tree.siblingsOf(a)).containsExactly(a, regenerated);
    }

    @Test
    void activatingASiblingKeepsTheChoicesBelowItAndEndsAtItsActiveLeaf() {
        MessageId a = linear();
        MessageId b = linear();
        MessageId c = linear();
        MessageId c2 = under(b);
        MessageId edited = under(a);
        MessageId d = under(edited);

        ConversationTree tree = tree(Map.of(b.value(), c));
        assertThat(tree.activePath()).containsExactly(a, edited, d);

        ConversationTree.Activation back = tree.activate(b);

        assertThat(back.choices()).containsEntry(a.value(), b).containsEntry(b.value(), c);
        assertThat(back.leaf()).isEqualTo(c);
        assertThat(tree(back.choices()).activePath()).containsExactly(a, b, c);
        assertThat(tree(back.choices()).siblingsOf(c)).containsExactly(c, c2);
    }

    @Test
    void aNewTurnUnderAParentBecomesActiveWithTheChoicesOnTheWayToIt() {
        MessageId a = linear();
        MessageId b = linear();
        MessageId c = linear();
        MessageId other = under(a);
        ConversationTree tree = tree(Map.of(a.value(), other));
        idTime = idTime.plusMillis(1);
        MessageId regenerated = MessageId.next(Clock.fixed(idTime, ZoneOffset.UTC));

        ConversationTree.Activation activation = tree.with(regenerated, b).activate(regenerated);

        assertThat(activation.leaf()).isEqualTo(regenerated);
        assertThat(activation.choices()).containsEntry(a.value(), b).containsEntry(b.value(), regenerated);
        assertThat(tree.with(regenerated, b).siblingsOf(regenerated)).containsExactly(c, regenerated);
    }

    @Test
    void aSecondFirstTurnStartsAnotherConversationFromTheStart() {
        MessageId a = linear();
        linear();
        MessageId restart = turn(TurnParent.ROOT);

        ConversationTree tree = tree(Map.of());

        assertThat(tree.activePath()).containsExactly(restart);
        assertThat(tree.siblingsOf(restart)).containsExactly(a, restart);
        assertThat(tree.activate(a).choices()).containsEntry(ConversationTree.START, a);
        assertThat(tree.activate(a).leaf()).isNotEqualTo(a);
    }

    @Test
    void aChoiceIsKeptOnlyWhereAParentHasSeveralChildren() {
        MessageId a = linear();
        MessageId b = linear();
        MessageId c = under(b);

        assertThat(tree(Map.of()).activate(c).choices()).isEmpty();
    }

    @Test
    void aTurnOfAnotherConversationIsRefused() {
        linear();
        MessageId stranger = MessageId.next(Clock.fixed(idTime.plusSeconds(5), ZoneOffset.UTC));

        assertThat(tree(Map.of()).contains(stranger)).isFalse();
        assertThatThrownBy(() -> tree(Map.of()).activate(stranger)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parentsAreStoredAsTheirWireValues() {
        MessageId a = linear();

        assertThat(TurnParent.fromWire(null)).isEqualTo(TurnParent.IMPLICIT);
        assertThat(TurnParent.fromWire("root")).isEqualTo(TurnParent.ROOT);
        assertThat(TurnParent.fromWire(a.value()).wire()).isEqualTo(a.value());
        assertThat(TurnParent.IMPLICIT.wire()).isNull();
    }
}
