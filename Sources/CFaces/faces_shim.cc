// dlib's face detector, 5-point landmark predictor and ResNet embedding network behind a plain C API.
#include "faces_shim.h"

#include <dlib/dnn.h>
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_transforms.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

namespace {

using namespace dlib;

// The network layout the published dlib_face_recognition_resnet_model_v1.dat was trained with (a 29-layer
// ResNet on 150x150 RGB chips ending in a 128-dimensional metric embedding). The file only loads into exactly
// this type, so it mirrors the published architecture.
template <int filters, template <typename> class norm, int stride, typename input>
using conv_pair = norm<con<filters, 3, 3, 1, 1, relu<norm<con<filters, 3, 3, stride, stride, input>>>>>;

template <template <int, template <typename> class, int, typename> class body, int filters,
          template <typename> class norm, typename input>
using same_size_residual = add_prev1<body<filters, norm, 1, tag1<input>>>;

template <template <int, template <typename> class, int, typename> class body, int filters,
          template <typename> class norm, typename input>
using halving_residual = add_prev2<avg_pool<2, 2, 2, 2, skip1<tag2<body<filters, norm, 2, tag1<input>>>>>>;

template <int filters, typename input> using unit = relu<same_size_residual<conv_pair, filters, affine, input>>;
template <int filters, typename input> using unit_down = relu<halving_residual<conv_pair, filters, affine, input>>;

template <typename input> using stage0 = unit_down<256, input>;
template <typename input> using stage1 = unit<256, unit<256, unit_down<256, input>>>;
template <typename input> using stage2 = unit<128, unit<128, unit_down<128, input>>>;
template <typename input> using stage3 = unit<64, unit<64, unit<64, unit_down<64, input>>>>;
template <typename input> using stage4 = unit<32, unit<32, unit<32, input>>>;

using embedding_network = loss_metric<fc_no_bias<128, avg_pool_everything<
    stage0<stage1<stage2<stage3<stage4<
    max_pool<3, 3, 2, 2, relu<affine<con<32, 7, 7, 2, 2, input_rgb_image_sized<150>>>>>>>>>>>>>;

matrix<rgb_pixel> copy_image(const uint8_t *rgb, int width, int height, int stride) {
    matrix<rgb_pixel> image(height, width);
    for (int y = 0; y < height; ++y) {
        const uint8_t *row = rgb + static_cast<size_t>(y) * static_cast<size_t>(stride);
        for (int x = 0; x < width; ++x) {
            image(y, x) = rgb_pixel(row[3 * x], row[3 * x + 1], row[3 * x + 2]);
        }
    }
    return image;
}

}  // namespace

struct sibyl_faces {
    frontal_face_detector detector = get_frontal_face_detector();
    shape_predictor landmarks;
    embedding_network embedder;
};

extern "C" sibyl_faces *sibyl_faces_open(const char *landmarks_path, const char *embedding_path, char *error,
                                         size_t error_size) {
    auto *faces = new (std::nothrow) sibyl_faces();
    if (faces == nullptr) {
        std::snprintf(error, error_size, "out of memory");
        return nullptr;
    }
    try {
        deserialize(landmarks_path) >> faces->landmarks;
        deserialize(embedding_path) >> faces->embedder;
        return faces;
    } catch (const std::exception &failure) {
        std::snprintf(error, error_size, "%s", failure.what());
        delete faces;
        return nullptr;
    }
}

extern "C" void sibyl_faces_close(sibyl_faces *faces) { delete faces; }

extern "C" int sibyl_faces_analyze(sibyl_faces *faces, const uint8_t *rgb, int width, int height, int stride,
                                   int upsample, double threshold, sibyl_face *out, float *embeddings, int capacity) {
    try {
        const matrix<rgb_pixel> image = copy_image(rgb, width, height, stride);
        matrix<rgb_pixel> searched = image;
        double scale = 1;
        for (int step = 0; step < upsample; ++step) {
            pyramid_up(searched);
            scale *= 2;
        }
        std::vector<rect_detection> found;
        faces->detector(searched, found, threshold);
        std::sort(found.begin(), found.end(),
                  [](const rect_detection &a, const rect_detection &b) { return a.detection_confidence > b.detection_confidence; });
        int written = 0;
        for (const auto &face : found) {
            if (written == capacity) break;
            sibyl_face &result = out[written];
            result.box = sibyl_face_box{face.rect.left() / scale, face.rect.top() / scale,
                                        (face.rect.right() + 1) / scale, (face.rect.bottom() + 1) / scale,
                                        face.detection_confidence};
            const rectangle box(static_cast<long>(result.box.left), static_cast<long>(result.box.top),
                                static_cast<long>(result.box.right), static_cast<long>(result.box.bottom));
            const full_object_detection shape = faces->landmarks(image, box);
            for (unsigned long part = 0; part < 5 && part < shape.num_parts(); ++part) {
                result.points[2 * part] = shape.part(part).x();
                result.points[2 * part + 1] = shape.part(part).y();
            }
            if (embeddings != nullptr) {
                matrix<rgb_pixel> chip;
                extract_image_chip(image, get_face_chip_details(shape, 150, 0.25), chip);
                const matrix<float, 0, 1> vector = faces->embedder(chip);
                for (long index = 0; index < 128; ++index) {
                    embeddings[128 * written + index] = index < vector.size() ? vector(index) : 0;
                }
            }
            ++written;
        }
        return written;
    } catch (...) {
        return -1;
    }
}
