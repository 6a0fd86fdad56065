package city.vigil.status;

import java.util.Optional;

/** The channels this node monitors live; the status API prefers them over what PostgreSQL last recorded. */
public interface LiveChannels {

    /** The live view of one channel, when this node monitors it. */
    Optional<ChannelView> channel(String gbId);
}
