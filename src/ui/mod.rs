//! Yew components. Each file holds one component; state lives in `crate::state`.

mod app;
mod card;
mod card_list;
mod motion;
mod reader;
mod rich_text;
mod status;
mod toolbar;

pub use app::{App, AppProps};
pub use card::{Card, CardProps};
pub use card_list::{CardList, CardListProps};
pub use motion::{Carousel, MotionProps, Ticker};
pub use reader::{Reader, ReaderProps};
pub use rich_text::article_body;
pub use status::{ErrorState, ErrorStateProps, Notice, NoticeProps, Skeleton, SkeletonProps};
pub use toolbar::{Toolbar, ToolbarProps};
