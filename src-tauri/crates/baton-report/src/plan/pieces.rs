//! Where a map too big for one page is cut into pieces: at the gutters between stage columns
//! (or lanes) where one is near, so no card is cut in half, and into pieces of about equal size,
//! so no page holds a sliver of the map.

/// One piece along one axis: its offset and length, in the same units as the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    pub start: f32,
    pub length: f32,
}

/// Cuts `length` into pieces of at most `max` each. `cuts` (ascending) are the clean places to
/// cut; between two of them farther apart than `max`, the cut falls where the size demands.
/// The fewest pieces the clean cuts allow (at most a few more than a blind cut would give),
/// each cut chosen nearest to where equal pieces would end.
pub fn pieces(length: f32, max: f32, cuts: &[f32]) -> Vec<Piece> {
    // NaN or non-positive sizes (a broken drawing) give one piece rather than a loop.
    let usable = length.is_finite() && max.is_finite() && length > 0.0 && max > 0.0;
    if !usable || length <= max {
        return vec![Piece {
            start: 0.0,
            length: length.max(0.0),
        }];
    }
    let fewest = (length / max).ceil() as usize;
    // Clean cuts can need a piece or two more than blind ones; past that, cut blindly.
    for count in fewest..=fewest + 2 {
        if let Some(found) = try_pieces(length, max, cuts, count) {
            return found;
        }
    }
    // No clean way (a column wider than a page): equal pieces, cut where they end.
    let each = length / fewest as f32;
    (0..fewest)
        .map(|k| Piece {
            start: k as f32 * each,
            length: each,
        })
        .collect()
}

/// `count` pieces, each cut at the clean cut nearest to where equal pieces would end; `None`
/// when a piece has no clean cut within reach or they do not cover `length`.
fn try_pieces(length: f32, max: f32, cuts: &[f32], count: usize) -> Option<Vec<Piece>> {
    let mut out = Vec::with_capacity(count);
    let mut start = 0.0_f32;
    for k in 1..count {
        let ideal = length * k as f32 / count as f32;
        let reach = start + max;
        let nearest = cuts
            .iter()
            .copied()
            .filter(|&c| c > start && c <= reach && c < length)
            .min_by(|a, b| (a - ideal).abs().total_cmp(&(b - ideal).abs()));
        let end = nearest?;
        out.push(Piece {
            start,
            length: end - start,
        });
        start = end;
    }
    if length - start > max + 0.01 {
        return None;
    }
    out.push(Piece {
        start,
        length: length - start,
    });
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{pieces, Piece};

    fn lengths(p: &[Piece]) -> Vec<f32> {
        p.iter().map(|p| p.length).collect()
    }

    fn assert_covers(p: &[Piece], length: f32, max: f32) {
        let mut at = 0.0;
        for piece in p {
            assert!(
                (piece.start - at).abs() < 0.01,
                "gap or overlap at {at}: {p:?}"
            );
            assert!(
                piece.length <= max + 0.01,
                "a piece is longer than the page: {p:?}"
            );
            at += piece.length;
        }
        assert!(
            (at - length).abs() < 0.01,
            "the pieces end at {at}, not {length}"
        );
    }

    #[test]
    fn a_map_that_fits_is_one_piece() {
        assert_eq!(lengths(&pieces(400.0, 500.0, &[100.0, 200.0])), vec![400.0]);
    }

    #[test]
    fn the_cut_falls_in_the_gutter_nearest_the_middle_and_no_page_holds_a_sliver() {
        // Eleven columns 100 wide on pages 1,000 wide: a blind cut leaves 100 on page two.
        let cuts: Vec<f32> = (1..11).map(|c| c as f32 * 100.0).collect();
        let p = pieces(1100.0, 1000.0, &cuts);
        assert_covers(&p, 1100.0, 1000.0);
        assert_eq!(p.len(), 2);
        for piece in &p {
            assert!(piece.length >= 500.0, "a sliver: {p:?}");
        }
    }

    #[test]
    fn every_cut_is_a_clean_one_when_the_gutters_allow_it() {
        let cuts = [180.0, 390.0, 610.0, 800.0, 1020.0, 1230.0];
        let p = pieces(1400.0, 500.0, &cuts);
        assert_covers(&p, 1400.0, 500.0);
        for piece in &p[1..] {
            assert!(
                cuts.contains(&piece.start),
                "{} is not a gutter: {p:?}",
                piece.start
            );
        }
    }

    #[test]
    fn a_column_wider_than_a_page_is_cut_where_the_size_demands() {
        // One gutter only, at 100: the 1,900 after it cannot be cut cleanly.
        let p = pieces(2000.0, 800.0, &[100.0]);
        assert_covers(&p, 2000.0, 800.0);
        assert_eq!(lengths(&p).len(), 3);
    }

    #[test]
    fn nonsense_sizes_give_one_empty_or_whole_piece_never_a_panic() {
        assert_eq!(pieces(f32::NAN, 500.0, &[]).len(), 1);
        assert_eq!(
            pieces(800.0, 0.0, &[]),
            vec![Piece {
                start: 0.0,
                length: 800.0
            }]
        );
    }
}
